// Delivers signed webhooks the way GitHub does (X-GitHub-Event, X-GitHub-Delivery, X-Hub-Signature-256),
// one at a time and in order, so a receiver sees events in the order they happened.
import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import type { Logger } from "../observe/logger.js";

export interface Delivery {
  id: string;
  event: string;
  action: string | null;
  payload: Record<string, unknown>;
  /** HTTP status of the receiver's answer, or null when it could not be reached (or no URL is set). */
  status: number | null;
}

export interface WebhookSender {
  send(event: string, payload: Record<string, unknown>): void;
  /** Resolves when every delivery queued so far has been attempted. */
  idle(): Promise<void>;
  deliveries(): readonly Delivery[];
  setUrl(url: string | null): void;
}

export function createWebhookSender(options: {
  url: string | null;
  secret: string;
  log: Logger;
}): WebhookSender {
  let url = options.url;
  let chain: Promise<void> = Promise.resolve();
  const log: Delivery[] = [];

  async function deliver(delivery: Delivery): Promise<void> {
    if (!url) return;
    const body = JSON.stringify(delivery.payload);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/lanes-sandbox",
          "x-github-event": delivery.event,
          "x-github-delivery": delivery.id,
          "x-github-hook-id": "1",
          "x-hub-signature-256": await sign(options.secret, body),
        },
        body,
      });
      delivery.status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      options.log.warn(
        { event: delivery.event, delivery: delivery.id, err: error },
        "webhook delivery failed",
      );
    }
  }

  return {
    send(event, payload) {
      const action = typeof payload.action === "string" ? payload.action : null;
      const delivery: Delivery = { id: randomUUID(), event, action, payload, status: null };
      log.push(delivery);
      chain = chain.then(() => deliver(delivery));
    },
    idle: () => chain,
    deliveries: () => log,
    setUrl(next) {
      url = next;
    },
  };
}

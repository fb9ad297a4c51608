// One POST of an alert to an outgoing webhook: Slack-compatible JSON (`text` plus `blocks`; Slack ignores the
// `lanes` field) signed like GitHub's webhooks, HMAC-SHA256 of the body in X-Lanes-Signature-256. The secret
// comes from the environment variable the config names; without it nothing is sent.
import { createHmac } from "node:crypto";
import { AlertDeliveryError } from "../errors.js";
import type { Alert } from "./timers.js";

export const SIGNATURE_HEADER = "x-lanes-signature-256";

export function alertBody(alert: Alert): string {
  const link = alert.url ? ` <${alert.url}|${alert.issue ? `#${alert.issue}` : "link"}>` : "";
  const text = `*${alert.title}*${link}\n${alert.text}`;
  return JSON.stringify({
    text,
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
    lanes: { kind: alert.kind, key: alert.key, repo: alert.repo, issue: alert.issue ?? null },
  });
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface SendWebhook {
  url: string;
  secretEnv: string;
  alert: Alert;
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
  timeoutMs?: number;
}

/** Resolves when the receiver answered 2xx; throws AlertDeliveryError otherwise. */
export async function sendWebhook(options: SendWebhook): Promise<void> {
  const secret = options.env[options.secretEnv];
  if (!secret)
    throw new AlertDeliveryError(
      `alert webhook ${options.url}: the environment variable ${options.secretEnv} (alerts.webhooks[].secret_env) is not set; set it where lanes serve runs`,
      { context: { url: options.url, secretEnv: options.secretEnv } },
    );
  const body = alertBody(options.alert);
  let status: number;
  try {
    const response = await options.fetch(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "lanes-alerts",
        [SIGNATURE_HEADER]: signBody(secret, body),
        "x-lanes-alert": options.alert.key,
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    status = response.status;
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    throw new AlertDeliveryError(`alert webhook ${options.url}: no answer (${String(error)})`, {
      cause: error,
      context: { url: options.url },
    });
  }
  if (status < 200 || status >= 300)
    throw new AlertDeliveryError(`alert webhook ${options.url} answered HTTP ${status}`, {
      context: { url: options.url, status },
    });
}

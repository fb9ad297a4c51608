// A tiny loopback HTTP receiver that records the webhooks a sandbox delivers, with their headers.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  event: string;
  delivery: string;
  signature: string;
  body: string;
  payload: Record<string, unknown>;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        event: String(req.headers["x-github-event"]),
        delivery: String(req.headers["x-github-delivery"]),
        signature: String(req.headers["x-hub-signature-256"]),
        body,
        payload: JSON.parse(body) as Record<string, unknown>,
      });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

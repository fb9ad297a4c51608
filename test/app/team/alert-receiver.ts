// A loopback receiver of outgoing alert webhooks: records each request, answers with the next status given
// (then 200), so tests can make a receiver fail a number of times.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedAlert {
  signature: string;
  body: string;
  payload: { text: string; lanes: { kind: string; key: string; issue: number | null } };
}

export interface AlertReceiver {
  url: string;
  received: ReceivedAlert[];
  /** The next answers (then 200 again). */
  answerNext(statuses: number[]): void;
  close(): Promise<void>;
}

export async function startAlertReceiver(statuses: number[] = []): Promise<AlertReceiver> {
  const received: ReceivedAlert[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        signature: String(req.headers["x-lanes-signature-256"]),
        body,
        payload: JSON.parse(body) as ReceivedAlert["payload"],
      });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/alerts`,
    received,
    answerNext: (next) => statuses.splice(0, statuses.length, ...next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

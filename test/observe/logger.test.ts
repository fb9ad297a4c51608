import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/observe/logger.js";

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join("")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe("createLogger", () => {
  it("redacts tokens, secrets and authorization headers wherever they appear", () => {
    const out = capture();
    const log = createLogger({ destination: out.stream, level: "info" });
    log.info(
      {
        token: "ghs_abc",
        req: { headers: { authorization: "token ghs_abc" } },
        app: { privateKey: "-----BEGIN" },
      },
      "calling",
    );
    const [line] = out.lines();
    expect(JSON.stringify(line)).not.toContain("ghs_abc");
    expect(JSON.stringify(line)).not.toContain("BEGIN");
    expect(line).toMatchObject({ msg: "calling", token: "[redacted]" });
  });
});

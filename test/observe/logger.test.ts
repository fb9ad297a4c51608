/* eslint-disable no-control-regex -- the assertion looks for control characters on purpose */
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

  it("writes no C1 control or DEL raw: 8-bit CSI from agent text stays an escape in the JSON", () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ destination: stream, level: "info" });
    const hostile = "title \u009b2J\u009d0;evil\u009c\u007f \u001b[31m";
    log.info({ title: hostile }, `lane \u0085${hostile}`);
    const written = chunks.join("");
    expect(written).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // the value read back is the one logged
    expect(JSON.parse(written)).toMatchObject({ title: hostile, msg: `lane \u0085${hostile}` });
  });
});

import { describe, expect, it } from "vitest";
import { liveProgress } from "../../../src/cli/progress/live-progress.js";
import { liveProgressWanted, plainProgress } from "../../../src/cli/progress/progress.js";

function fakeTerminal() {
  const writes: string[] = [];
  let now = 1_000;
  const progress = liveProgress({
    write: (text) => writes.push(text),
    terminal: () => ({ columns: 60, rows: 20 }),
    now: () => now,
    tickMs: 60_000,
  });
  return { progress, writes, advance: (ms: number) => (now += ms) };
}

// ESC and colour codes out, so the assertions read as the screen does
const visible = (text: string) =>
  text
    .replaceAll("\x1b", "⎋")
    .replace(/⎋\[\d*m/g, "")
    .replaceAll("⎋[K", "");

describe("liveProgress", () => {
  it("redraws its steps in place: back over the last frame, clear, draw again", () => {
    const { progress, writes, advance } = fakeTerminal();
    progress.start("preflight", "preflight");
    advance(400);
    progress.finish("preflight");
    progress.start("launch", "waiting for the supervisor");
    progress.end();
    expect(writes.map(visible)).toEqual([
      "  ⠋ preflight    0.0s\n",
      "⎋[1A\r  ✓ preflight    0.4s\n",
      "⎋[1A\r  ✓ preflight                     0.4s\n  ⠋ waiting for the supervisor    0.0s\n",
    ]);
  });

  it("prints logged lines once, above the view, where they stay", () => {
    const { progress, writes } = fakeTerminal();
    progress.start("wave", "wave 1");
    progress.log("issues: filed #1 Add \x1b[2Jlogin");
    progress.update("wave", { note: "2 lanes" });
    expect(writes.map(visible)).toEqual([
      "  ⠋ wave 1    0.0s\n",
      "⎋[1A\rissues: filed #1 Add login\n  ⠋ wave 1    0.0s\n",
      "⎋[1A\r  ⠋ wave 1: 2 lanes    0.0s\n",
    ]);
  });

  it("marks running steps failed when the command stops with an error, then writes nothing more", () => {
    const { progress, writes } = fakeTerminal();
    progress.start("apply", "merging lanes");
    progress.end(true);
    progress.start("late", "after the end");
    progress.log("after the end");
    expect(writes.map(visible).at(-1)).toBe("⎋[1A\r  ✗ merging lanes    0.0s\n");
    expect(writes).toHaveLength(2);
  });
});

describe("plainProgress", () => {
  it("prints logged lines as they are, sanitised, and nothing for steps", () => {
    const lines: string[] = [];
    const progress = plainProgress((line) => lines.push(line));
    progress.start("a", "step");
    progress.finish("a");
    progress.log("stack: demo-1 is \x1b]0;x\x07running");
    progress.end();
    expect(lines).toEqual(["stack: demo-1 is running"]);
  });
});

describe("liveProgressWanted", () => {
  const terminal = {
    stdout: () => undefined,
    stderr: () => undefined,
    terminal: () => ({ columns: 80, rows: 24 }),
  };
  const pipe = { stdout: () => undefined, stderr: () => undefined };

  it("wants the live view on a terminal", () => {
    expect(liveProgressWanted(terminal, { TERM: "xterm-256color" })).toBe(true);
    expect(liveProgressWanted(terminal, { CI: "false" })).toBe(true);
  });

  it.each([
    ["a pipe", pipe, {}, false],
    ["--json", terminal, {}, true],
    ["CI=true", terminal, { CI: "true" }, false],
    ["NO_COLOR=1", terminal, { NO_COLOR: "1" }, false],
    ["TERM=dumb", terminal, { TERM: "dumb" }, false],
  ])("keeps plain output with %s", (_name, io, env, json) => {
    expect(liveProgressWanted(io, env, json)).toBe(false);
  });
});

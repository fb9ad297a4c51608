import { describe, expect, it } from "vitest";
import { ProgressBoard } from "../../../src/cli/progress/progress-board.js";
import { formatElapsed, renderProgress } from "../../../src/cli/progress/render-progress.js";

const T0 = 1_700_000_000_000;
const plain = { columns: 80, rows: 24, color: false, frame: 0 };

/** A stack coming up: two steps done, one running, one still to come. */
function stackUpBoard(): ProgressBoard {
  const board = new ProgressBoard();
  board.pending("preflight", "preflight");
  board.pending("redis", "redis-server");
  board.pending("supervisor", "waiting for the supervisor");
  board.pending("reconcile", "reconcile open PRPs");
  board.start("preflight", "preflight", T0);
  board.finish("preflight", "done", T0 + 412, "base main, remote origin");
  board.start("redis", "redis-server", T0 + 412);
  board.finish("redis", "done", T0 + 530);
  board.start("supervisor", "waiting for the supervisor", T0 + 530);
  return board;
}

describe("renderProgress", () => {
  it("shows each step with its state and elapsed time, times in one column", () => {
    const lines = renderProgress(stackUpBoard().steps, { ...plain, now: T0 + 3_730 });
    expect(lines.join("\n")).toMatchInlineSnapshot(`
      "  ✓ preflight: base main, remote origin    0.4s
        ✓ redis-server                           0.1s
        ⠋ waiting for the supervisor             3.2s
        · reconcile open PRPs"
    `);
  });

  it("shows lanes under their wave, and a failed step", () => {
    const board = new ProgressBoard();
    board.start("wave-1", "wave 1: #1, #2", T0);
    board.start("lane-1", "lane #1 developer", T0, { parent: "wave-1", note: "working" });
    board.start("lane-2", "lane #2 tester", T0 + 1_000, { parent: "wave-1", note: "idle" });
    board.finish("lane-1", "done", T0 + 75_000, "done → lanes/developer/1-api");
    board.start("gates", "gates", T0 + 75_000);
    board.finish("gates", "failed", T0 + 80_000, "PR #5 lanes/prp failure");
    board.start("lane-3", "lane #3 developer", T0 + 80_000, { parent: "wave-1" });
    const lines = renderProgress(board.steps, { ...plain, now: T0 + 3_725_000, frame: 3 });
    expect(lines.join("\n")).toMatchInlineSnapshot(`
      "  ⠸ wave 1: #1, #2                                     1h 02m
          ✓ lane #1 developer: done → lanes/developer/1-api  1m 15s
          ⠸ lane #2 tester: idle                             1h 02m
          ⠸ lane #3 developer                                1h 00m
        ✗ gates: PR #5 lanes/prp failure                       5.0s"
    `);
  });

  it("colours icons and times for a terminal", () => {
    const lines = renderProgress(stackUpBoard().steps, { ...plain, color: true, now: T0 + 1_000 });
    // ESC shown as ⎋ so the snapshot is readable
    expect(lines.join("\n").replaceAll("\x1b", "⎋")).toMatchInlineSnapshot(`
      "  ⎋[32m✓⎋[39m preflight: base main, remote origin ⎋[2m   0.4s⎋[22m
        ⎋[32m✓⎋[39m redis-server                        ⎋[2m   0.1s⎋[22m
        ⎋[33m⠋⎋[39m waiting for the supervisor          ⎋[2m   0.5s⎋[22m
        ⎋[2m·⎋[22m ⎋[2mreconcile open PRPs⎋[22m"
    `);
  });

  it("shows issue and agent text inert: no escape sequence or line break reaches the terminal", () => {
    const board = new ProgressBoard();
    board.start("lane-7", "lane #7 \x1b]0;owned\x07Fix\x1b[2J login\nnow", T0, { note: "asks \x9b31mrm?" });
    const [line] = renderProgress(board.steps, { ...plain, now: T0 });
    expect(line).toBe("  ⠋ lane #7 Fix login now: asks rm?    0.0s");
  });

  it("cuts long labels to the terminal's width, counting wide characters twice", () => {
    const board = new ProgressBoard();
    board.start("a", `file #1 ${"漢".repeat(40)}`, T0);
    board.start("b", `file #2 ${"x".repeat(80)}`, T0);
    const lines = renderProgress(board.steps, { ...plain, columns: 40, now: T0 + 2_000 });
    expect(lines.join("\n")).toMatchInlineSnapshot(`
      "  ⠋ file #1 漢漢漢漢漢漢漢漢漢…    2.0s
        ⠋ file #2 xxxxxxxxxxxxxxxxxx…    2.0s"
    `);
  });

  it("folds the earliest finished steps into one line when the view is taller than the terminal", () => {
    const board = new ProgressBoard();
    for (let i = 1; i <= 8; i += 1) {
      board.start(`issue-${i}`, `#${i} filed`, T0 + i * 100);
      if (i < 7) board.finish(`issue-${i}`, "done", T0 + i * 100 + 50);
    }
    const lines = renderProgress(board.steps, { ...plain, rows: 5, now: T0 + 1_000 });
    expect(lines).toHaveLength(4);
    expect(lines.join("\n")).toMatchInlineSnapshot(`
      "  ✓ 5 earlier steps done
        ✓ #6 filed                0.1s
        ⠋ #7 filed                0.3s
        ⠋ #8 filed                0.2s"
    `);
  });
});

describe("formatElapsed", () => {
  it.each([
    [0, "0.0s"],
    [412, "0.4s"],
    [12_300, "12s"],
    [185_000, "3m 05s"],
    [3_725_000, "1h 02m"],
  ])("%i ms is %s", (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

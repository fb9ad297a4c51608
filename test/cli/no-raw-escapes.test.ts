// Nothing raw reaches a terminal (issue 17, item 4): PRP titles carrying a bracketed-paste end marker, an
// OSC window-title sequence and a clear-screen sequence are printed inert by every CLI output path.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stackStatus, renderStackStatus } from "../../src/runner/stack-status.js";
import type { LaneRecord } from "../../src/runner/lane-record.js";
import { catV } from "../support/cat-v.js";
import { lanes } from "../support/cli.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const HOSTILE = "Fix \x1b[201~login\x1b]0;owned\x07 now\x1b[2J\x1b[H\x9b31m\x00!";
const PRP = `---\nrole: developer\n---\n# ${HOSTILE}\n\n## Success Criteria\n\n- [ ] works \x1b[31mred\n`;

describe("PRP text on the terminal", () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir("lanes-escapes");
    await writeFile(join(dir.path, "01-hostile.md"), PRP);
  });
  afterEach(() => dir.remove());

  it.each([
    ["prp parse", ["prp", "parse", "01-hostile.md"]],
    ["prp parse --json", ["prp", "parse", "01-hostile.md", "--json"]],
    ["prp lint", ["prp", "lint", "."]],
    ["prp lint --json", ["prp", "lint", ".", "--json"]],
  ])("%s prints no escape sequence or control character", async (_name, args) => {
    const result = await lanes(args, { cwd: dir.path });
    expect(result.stdout).toContain("Fix");
    expect(catV(result.stdout)).toBe(result.stdout);
    // JSON keeps the value, escaped (\u001b), which no terminal acts on; human text drops the sequence
    if (!args.includes("--json")) expect(result.stdout).not.toContain("[201~");
    expect(catV(result.stderr)).toBe(result.stderr);
  });

  it("the parser warns about the control characters in the title", async () => {
    const result = await lanes(["prp", "parse", "01-hostile.md"], { cwd: dir.path });
    expect(result.stdout).toContain("title: contains control characters");
  });

  it("stack status (table and JSON value) shows hostile titles, notes and questions inert", () => {
    const lane = {
      id: "job-1",
      role: "developer",
      issue: 1,
      title: HOSTILE,
      branch: "lanes/developer/1-fix",
      worktree: "/tmp/x",
      window: "developer-1",
      paneId: "%1",
      state: "waiting",
      sessionId: "s",
      sessionUsed: false,
      briefFile: "b",
      settingsFile: "s",
      permissionMode: "dontAsk",
      waitingFor: `May I \x1b]0;t\x07run?`,
      briefed: true,
      restarts: 0,
      startedAt: 0,
      commits: 0,
      limitAttempts: 0,
      limitLinesSeen: 0,
      note: `waiting for permission: \x1b[2J${HOSTILE}`,
      lease: { jobId: "job-1", token: "t", host: "h", agent: "a", leaseUntil: 0 },
    } satisfies LaneRecord;
    const status = stackStatus("s", [lane], [], 0);
    const text = `${renderStackStatus(status)}\n${JSON.stringify(status)}`;
    expect(catV(renderStackStatus(status))).toBe(renderStackStatus(status));
    expect(text).not.toContain("\\u001b");
    expect(text).not.toContain("[201~");
    expect(status.lanes[0]?.prp).toBe("#1 Fix login now!");
  });
});

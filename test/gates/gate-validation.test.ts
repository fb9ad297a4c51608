import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputTail, validationGate, validationResult } from "../../src/gates/gate-validation.js";
import { runCommand } from "../../src/gates/run-commands.js";
import { laneRepo, samplePrp, type LaneRepo } from "./lane-repo.js";

let lane: LaneRepo | undefined;
afterEach(async () => lane?.repo.remove());

/** True once the process is gone or a zombie (killed, waiting to be reaped by init). */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    if (stat === "" || / Z /.test(stat)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe("lanes/validation", () => {
  it("runs each command in the lane's worktree and passes when all succeed", async () => {
    lane = await laneRepo({}, { "src/a.ts": "export const a = 1;\n" });
    const result = await validationGate.run(
      await lane.input({ prp: samplePrp({ validation: ["test -f src/a.ts", "echo checked"] }) }),
    );
    expect(result.conclusion).toBe("success");
    expect(result.title).toBe("2 validation command(s) passed");
    expect(result.summary).toContain("checked");
  });

  it("fails with the exit code and the ANSI-free tail of the output, and still runs later commands", async () => {
    lane = await laneRepo({}, { "src/a.ts": "x\n" });
    const prp = samplePrp({
      validation: [
        "for i in $(seq 1 100); do echo line $i; done; printf '\\033[31mred failure\\033[0m\\n'; exit 3",
        "echo after",
      ],
    });
    const result = await validationGate.run(await lane.input({ prp }));
    expect(result.conclusion).toBe("failure");
    expect(result.title).toBe("1 of 2 validation command(s) failed");
    expect(result.summary).toContain("❌ exit 3");
    expect(result.summary).toContain("red failure");
    expect(result.summary).not.toContain("\u001b");
    expect(result.summary).toContain("line 100");
    expect(result.summary).toContain("line 62");
    expect(result.summary).not.toContain("line 61\n");
    expect(result.summary).toContain("✅ passed");
  });

  it("kills a command that runs past its timeout, with everything it started", async () => {
    lane = await laneRepo({}, { "src/a.ts": "x\n" });
    const result = await runCommand("sleep 30 & echo $! > bg.pid; wait", {
      cwd: lane.repo.dir,
      timeoutMs: 300,
    });
    expect(result.timedOut).toBe(true);
    const pid = Number(await readFile(join(lane.repo.dir, "bg.pid"), "utf8"));
    expect(await gone(pid)).toBe(true);
  });

  it("reports a timeout in the summary", async () => {
    lane = await laneRepo({}, { "src/a.ts": "x\n" });
    const result = await validationGate.run(
      await lane.input({
        prp: samplePrp({ validation: ["sleep 20"] }),
        config: { validationTimeoutMinutes: 0.005 },
      }),
    );
    expect(result.conclusion).toBe("failure");
    expect(result.summary).toContain("⏱️ timed out");
  });

  it("runs the commands through the input's runner, with the configured timeout, spawning nothing itself", async () => {
    lane = await laneRepo({}, { "src/a.ts": "x\n" });
    const calls: { commands: readonly string[]; timeoutMs: number }[] = [];
    const input = await lane.input({
      prp: samplePrp({ validation: ["npm test"] }),
      config: { validationTimeoutMinutes: 2 },
    });
    const result = await validationGate.run({
      ...input,
      runCommands: async (commands, timeoutMs) => {
        calls.push({ commands, timeoutMs });
        return [
          { command: "npm test", exitCode: 1, signal: null, timedOut: false, durationMs: 5, output: "boom" },
        ];
      },
    });
    expect(calls).toEqual([{ commands: ["npm test"], timeoutMs: 120_000 }]);
    expect(result.conclusion).toBe("failure");
    expect(result.summary).toContain("boom");
  });

  it("fails when there are commands but no worktree to run them in", async () => {
    lane = await laneRepo({}, { "src/a.ts": "x\n" });
    const input = await lane.input({ prp: samplePrp({ validation: ["npm test"] }) });
    const result = await validationGate.run({ ...input, runCommands: undefined });
    expect(result).toMatchObject({ conclusion: "failure", title: "No worktree to validate in" });
  });

  it("is neutral when the PRP has no validation commands", async () => {
    lane = await laneRepo({}, { "src/a.ts": "x\n" });
    expect((await validationGate.run(await lane.input())).conclusion).toBe("neutral");
  });

  it("renders a summary with a fence its output cannot close", () => {
    const summary = validationResult(
      [
        {
          command: "npm test",
          exitCode: 0,
          signal: null,
          timedOut: false,
          durationMs: 1234,
          output: "ok\r\n",
        },
        {
          command: "npm run lint",
          exitCode: 1,
          signal: null,
          timedOut: false,
          durationMs: 50,
          output: "```\nerror | x\n",
        },
      ],
      10,
    ).summary;
    expect(summary.replace(/\r\n/g, "\n")).toMatchInlineSnapshot(`
      "Ran 2 command(s) in the lane's worktree (timeout 10 min each).

      | command | result | duration |
      | --- | --- | --- |
      | \`npm test\` | ✅ passed | 1.2 s |
      | \`npm run lint\` | ❌ exit 1 | 0.1 s |

      ### \`npm test\` — ✅ passed

      \`\`\`
      ok
      \`\`\`

      ### \`npm run lint\` — ❌ exit 1

      \`\`\`\`
      \`\`\`
      error | x
      \`\`\`\`"
    `);
  });

  it("keeps only the last 40 lines of output", () => {
    const text = Array.from({ length: 50 }, (_, i) => `l${i + 1}`).join("\n");
    expect(outputTail(text).split("\n")).toHaveLength(40);
    expect(outputTail(text).startsWith("l11\n")).toBe(true);
  });

  it("drops colour, cursor movement and hyperlinks but keeps their text", () => {
    const text = [
      "\u001b[1;31mError:\u001b[0m build failed\r",
      "\u001b]8;;https://example.com/doc\u0007see the docs\u001b]8;;\u0007",
      "\u001b[2K\u001b[1Gprogress 100%",
    ].join("\n");
    expect(outputTail(text)).toBe("Error: build failed\nsee the docs\nprogress 100%");
  });
});

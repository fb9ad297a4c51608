// `lanes demo` on a terminal: its lines as before, and below them a live view of its steps — the services
// it starts, each wave with its lanes, gates and integration — redrawn in place, then the report.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runInTerminal } from "../../support/terminal.js";

const CLI = resolve("dist/src/cli/main.js");

describe("lanes demo progress", () => {
  it(
    "shows the demo's steps and lanes with their times, redrawn in place, above the report",
    { timeout: 600_000 },
    async () => {
      const run = await runInTerminal(["node", CLI, "demo"], {
        env: process.env,
        cwd: process.cwd(),
        columns: 120,
        rows: 40,
        timeoutMs: 580_000,
      });
      expect(run.code, run.screen.slice(-3000)).toBe(0);
      const screen = run.screen.split("\n");
      const time = String.raw` +\d+(\.\d)?s$|\d+m \d\ds$`;
      const line = (pattern: string) =>
        screen.filter((l) => new RegExp(`^ {2,4}${pattern}.*(${time})`).test(l));
      // the lines the demo always printed are there, once each
      expect(screen.filter((l) => l.startsWith("redis: a private redis-server at"))).toHaveLength(1);
      // the final frame: every step done, each once
      for (const step of [
        "✓ plan the backlog and the team",
        "✓ start a private redis-server",
        "✓ start the local GitHub",
        "✓ start lanes serve \\(the App\\) and install it",
        "✓ file the backlog as issues \\(lanes ingest\\): 5 issue\\(s\\)",
        "✓ start a stack of script agents",
        "✓ wave 1: #1",
        "✓ wave 1: gate each PR",
        "✓ wave 1: integrate and merge",
      ])
        expect(line(step), step).toHaveLength(1);
      // lanes under their wave, with the branch they finished on
      expect(line("  ✓ lane #1 developer: lanes/developer/1-")).toHaveLength(1);
      expect(run.raw.split("\x1b[").filter((s) => /^\d+A\r/.test(s)).length).toBeGreaterThan(20);
    },
  );
});

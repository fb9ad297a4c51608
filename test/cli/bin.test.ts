// The package's `bin`: the esbuild bundle scripts/bootstrap (and `npm run build`) writes to dist/bin, run
// as a user's shell runs it — the file itself, by its #! line — and packed by `npm pack` with every chunk
// it loads. `lanes hook`, which Claude Code runs on every agent event, works from it.
import { execFile } from "node:child_process";
import { accessSync, constants, readFileSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  version: string;
  bin: { lanes: string };
};
const BIN = pkg.bin.lanes;

describe("package.json bin", () => {
  let dir: TempDir | undefined;
  afterEach(async () => {
    await dir?.remove();
  });

  it("is the bundle, built and executable (npm test runs scripts/bootstrap first)", async () => {
    expect(BIN).toBe("dist/bin/lanes.mjs");
    accessSync(BIN, constants.X_OK);
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const { stdout } = await run(join(process.cwd(), BIN), ["--version"]);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it("records a Claude Code hook event from the bundle", async () => {
    dir = await makeTempDir("lanes-bin");
    const events = join(dir.path, "events.jsonl");
    const child = run(process.execPath, [BIN, "hook", "Stop"], {
      env: { PATH: process.env.PATH ?? "", LANES_EVENTS: events, LANES_LANE: "developer-1" },
    });
    child.child.stdin?.end(JSON.stringify({ session_id: "s-1", hook_event_name: "Stop" }));
    await child;
    const [line] = (await readFile(events, "utf8")).trim().split("\n");
    expect(JSON.parse(line ?? "{}")).toMatchObject({ lane: "developer-1", sessionId: "s-1" });
  });

  it("is packed by npm pack with every file of the bundle and the dashboard's client", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      env: { ...process.env, npm_config_loglevel: "silent" },
    });
    const files = new Set(
      (JSON.parse(stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [],
    );
    const bundle = readdirSync("dist/bin", { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
    expect(bundle.length).toBeGreaterThan(2);
    expect(bundle.filter((f) => !files.has(f))).toEqual([]);
    expect(files.has("src/dashboard/client/index.html")).toBe(true);
  }, 60_000);
});

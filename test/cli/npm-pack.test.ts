// What `npm pack` would publish: the files the installed CLI reads at run time must be in the tarball,
// not only in a source checkout (the dashboard's page is read from src/dashboard/client by the built CLI).
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";

interface PackEntry {
  files: { path: string }[];
}

function packedPaths(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    encoding: "utf8",
    env: { ...process.env, npm_config_loglevel: "silent", npm_config_update_notifier: "false" },
  });
  const [entry] = JSON.parse(out) as PackEntry[];
  return (entry?.files ?? []).map((f) => f.path);
}

describe("npm pack", () => {
  let paths: string[];
  beforeAll(() => {
    paths = packedPaths();
  });

  it("ships the dashboard's client files, the App manifest and the action", () => {
    const client = readdirSync("src/dashboard/client").map((f) => `src/dashboard/client/${f}`);
    expect(client).toContain("src/dashboard/client/index.html");
    expect(paths).toEqual(expect.arrayContaining([...client, "app.yml", "action/action.yml"]));
  });

  it("ships no tests, sources or local state beside the client files", () => {
    const stray = paths.filter(
      (p) => p.startsWith("test/") || (p.startsWith("src/") && !p.startsWith("src/dashboard/client/")),
    );
    expect(stray).toEqual([]);
  });
});

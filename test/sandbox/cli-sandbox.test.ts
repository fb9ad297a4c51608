// `lanes sandbox`: prints what a client needs, serves until SIGTERM, then cleans up; bad options exit 2.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";

interface Info {
  api_url: string;
  webhook_secret: string;
  app: { id: number; private_key_path: string; installation_id: number };
  repos: { full_name: string; clone_url: string }[];
  users: { login: string; permission: string; token: string }[];
  env: Record<string, string>;
}

describe("lanes sandbox", () => {
  it("rejects a port that is not a number with exit code 2", async () => {
    const result = await lanes(["sandbox", "--port", "nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--port");
  });

  it("prints its info as JSON, serves the API, and removes everything on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "sandbox", "--json"], {
      env: { ...process.env, LANES_LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const info = await new Promise<Info>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        try {
          resolve(JSON.parse(out) as Info);
        } catch {
          // the JSON document is not complete yet
        }
      });
      child.on("exit", (code) => reject(new Error(`lanes sandbox exited early with ${code}: ${out}`)));
    });
    expect(Object.keys(info).sort()).toEqual(["api_url", "app", "env", "repos", "users", "webhook_secret"]);
    expect(info.env).toEqual({
      APP_ID: String(info.app.id),
      PRIVATE_KEY_PATH: info.app.private_key_path,
      WEBHOOK_SECRET: info.webhook_secret,
      GITHUB_API_URL: info.api_url,
    });
    expect(info.users.map((u) => u.permission)).toEqual([
      "admin",
      "maintain",
      "write",
      "triage",
      "read",
      "none",
    ]);
    const res = await fetch(`${info.api_url}/repos/${info.repos[0]?.full_name ?? ""}`, {
      headers: { authorization: `token ${info.users[0]?.token ?? ""}` },
    });
    expect(((await res.json()) as { clone_url: string }).clone_url).toBe(info.repos[0]?.clone_url);
    expect(existsSync(info.app.private_key_path)).toBe(true);

    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(info.app.private_key_path)).toBe(false);
  });
});

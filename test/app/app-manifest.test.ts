// app.yml subscribes to exactly the events the handler map handles (installation events need no subscription).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HANDLED_EVENTS } from "../../src/app/handlers/index.js";

const ALWAYS_DELIVERED = new Set(["installation", "installation_repositories"]);

describe("app.yml", () => {
  it("lists exactly the events the handlers use, and the permissions they need", () => {
    const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as {
      default_events: string[];
      default_permissions: Record<string, string>;
    };
    const handled = new Set(HANDLED_EVENTS.map((e) => e.split(".")[0] as string));
    expect(new Set(manifest.default_events)).toEqual(
      new Set([...handled].filter((e) => !ALWAYS_DELIVERED.has(e))),
    );
    expect(manifest.default_permissions).toMatchObject({ issues: "write", metadata: "read" });
    expect(manifest.default_permissions.pull_requests).toMatch(/read|write/);
  });
});

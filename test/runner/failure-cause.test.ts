import { describe, expect, it } from "vitest";
import { isPrintable } from "../support/cat-v.js";
import { diagnose, lastLinesOf } from "../../src/runner/failure-cause.js";

describe("why an agent died, from its pane's last lines", () => {
  it.each([
    ["Invalid API key · Please run /login", "not-logged-in", false],
    ["Unable to connect to Anthropic services", "no-network", false],
    ["Error: getaddrinfo EAI_AGAIN api.anthropic.com", "no-network", false],
    ["Claude usage limit reached. Your limit will reset at 3pm (UTC).", "usage-limit", true],
    ["Segmentation fault (core dumped)", "crash", true],
  ] as const)("%s → %s", (line, cause, retryable) => {
    const found = diagnose(`some output\n${line}\nPane is dead (status 1)`, "1");
    expect(found).toMatchObject({ cause, retryable });
    expect(found.lastLines).toContain(line);
  });

  it("says the exit status of a crash and what to do for a login", () => {
    expect(diagnose("boom", "139").summary).toBe("the agent crashed (exit status 139)");
    expect(diagnose("Please run /login").summary).toContain("log in");
  });

  it("keeps only the last lines, sanitised: no escape, no control character", () => {
    const text = `${Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\n")}\n\x1b]0;title\x07\x1b[2J\x1b[201~end\x00`;
    const lines = lastLinesOf(text);
    expect(lines.split("\n")).toHaveLength(15);
    expect(lines.endsWith("line 39\nend")).toBe(true);
    expect(isPrintable(lines)).toBe(true);
  });
});

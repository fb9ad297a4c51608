// A waiting PRP's status comment quotes the agent's question verbatim but inert, with how to answer it.
import { describe, expect, it } from "vitest";
import { renderStatus } from "../../../src/app/status/render-status.js";
import { quoteUntrusted } from "../../../src/app/status/quote-untrusted.js";

describe("the waiting state in the status comment", () => {
  it("quotes the question and says how to answer", () => {
    const text = renderStatus({
      issue: 4,
      state: "waiting",
      record: { role: "developer", question: "Postgres or SQLite?\nBoth work." },
      deps: [],
      events: [],
    });
    expect(text).toContain("**The agent asks:**\n\n> Postgres or SQLite?\n> Both work.\n");
    expect(text).toContain("Answer with `/lanes say <your answer>`");
  });

  it("keeps the question from pinging people, hiding markup or carrying escape sequences", () => {
    expect(quoteUntrusted("ask @octocat about #12 <!-- lanes:status --> \u001b[31mred")).toBe(
      "> ask @\u200boctocat about #\u200b12 &lt;!-- lanes:status --&gt; red",
    );
  });

  it("shows no question once the PRP is active again", () => {
    const text = renderStatus({
      issue: 4,
      state: "active",
      record: { question: "old" },
      deps: [],
      events: [],
    });
    expect(text).not.toContain("The agent asks");
  });
});

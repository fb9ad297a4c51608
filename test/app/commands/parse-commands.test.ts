// The command parser is pure: every line starting with /lanes is one command, whatever its case and spacing.
import { describe, expect, it } from "vitest";
import { mentionsCommand, parseCommands } from "../../../src/app/commands/parse-commands.js";

describe("parseCommands", () => {
  it("finds several commands per comment, case- and whitespace-tolerant, with their rest of line", () => {
    expect(parseCommands("Looks good.\n  /Lanes  PRIORITY   p1 \r\n/lanes say  go on\n")).toEqual([
      { kind: "command", name: "priority", rest: "p1", line: 2 },
      { kind: "command", name: "say", rest: "go on", line: 3 },
    ]);
  });

  it("reads a bare /lanes as help and an unknown word with the nearest command", () => {
    expect(parseCommands("/lanes")).toEqual([{ kind: "command", name: "help", rest: "", line: 1 }]);
    expect(parseCommands("/lanes shedule 5 x")).toEqual([
      { kind: "unknown", word: "shedule", suggestion: "schedule", line: 1 },
    ]);
    expect(parseCommands("/lanes frobnicate")).toEqual([
      { kind: "unknown", word: "frobnicate", suggestion: undefined, line: 1 },
    ]);
  });

  it("skips quoted lines, fenced code and mentions inside a sentence", () => {
    const body = "> /lanes cancel\n```\n/lanes cancel\n```\nplease run `/lanes retry` later\n/lanesx retry";
    expect(parseCommands(body)).toEqual([]);
    expect(mentionsCommand("text\n /lanes hold")).toBe(true);
    expect(mentionsCommand("see /lanes docs")).toBe(false);
    expect(mentionsCommand(null)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { stackPaths, stackUser } from "../../src/runner/stack-paths.js";

describe("stack state is keyed per user (issue 17, item 6)", () => {
  it("two users' stacks of the same name in one shared home get different directories", () => {
    const shared = { LANES_HOME: "/srv/lanes" };
    const alice = stackPaths({ ...shared, LANES_USER: "alice" }, "api");
    const bob = stackPaths({ ...shared, LANES_USER: "bob" }, "api");
    expect(alice.dir).toBe("/srv/lanes/stacks/alice/api");
    expect(bob.dir).toBe("/srv/lanes/stacks/bob/api");
    expect(alice.record).not.toBe(bob.record);
  });

  it("defaults to the OS account, as a file-name-safe word", () => {
    expect(stackUser({})).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(stackUser({ LANES_USER: "../../etc" })).toBe("..-..-etc");
    expect(stackUser({ LANES_USER: ".." })).toBe("user");
  });
});

// `/lanes recheck`: the gates judge a lane PR again (on a PRP issue: each of its open lane PRs), e.g. after a
// maintainer's `/lanes accept` or a flaky validation run. The App has no checkout: it starts the lanes-gates
// workflow for the PR's head commit, and the reply links the run.
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";
import { lanePulls, recheckPull } from "./recheck-lane.js";

export const recheck = defineCommand({
  summary: "run the gates again on a lane PR (on a PRP: on its open lane PRs)",
  usage: "recheck",
  args: noArgs("recheck"),
  async run(ctx) {
    const lines: string[] = [];
    for (const pull of await lanePulls(ctx)) lines.push(await recheckPull(ctx, pull));
    return { reply: lines.join("\n") };
  },
});

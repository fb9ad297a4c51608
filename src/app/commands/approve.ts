// `/lanes approve`: a maintainer vouches for a PRP whose author has no write access; it is read and queued
// (or blocked, or invalid) like any other. Until then its text never reaches an agent.
import { intakePrp } from "../intake/intake-prp.js";
import { snapshotOfIssue } from "../intake/issue-snapshot.js";
import { CommandFailedError } from "../errors.js";
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";
import { prpState, stateWord } from "./prp-lane.js";

export const approve = defineCommand({
  summary: "let Lanes run a PRP opened by someone without write access",
  usage: "approve",
  args: noArgs("approve"),
  async run(ctx) {
    const issue = await ctx.prp();
    const state = await prpState(ctx, issue);
    if (state !== "needs-approval")
      throw new CommandFailedError(
        `#${issue} is ${stateWord(state)}; only a PRP in \`lanes:needs-approval\` needs approving.`,
      );
    const snapshot = snapshotOfIssue(await ctx.deps.github.getIssue(ctx.deps.repo, issue));
    await intakePrp(
      ctx.deps,
      { ...snapshot, comments: Math.max(1, ctx.where.comments) },
      { actor: ctx.actor, approved: true },
    );
    return {};
  },
});

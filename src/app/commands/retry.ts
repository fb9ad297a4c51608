// `/lanes retry`: a PRP that needs a human, or whose PR needs another go, is queued again with fresh attempts.
import { CommandFailedError } from "../errors.js";
import { updatePrp } from "../lifecycle/update-prp.js";
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";
import { prpState, stateWord } from "./prp-lane.js";
import { lastJob, requeuePrpJob } from "./requeue-prp-job.js";

export const retry = defineCommand({
  summary: "queue a PRP that needs a human (or is in review) again",
  usage: "retry",
  args: noArgs("retry"),
  async run(ctx) {
    const issue = await ctx.prp();
    const state = await prpState(ctx, issue);
    if (state !== "needs-human" && state !== "review")
      throw new CommandFailedError(
        `#${issue} is ${stateWord(state)}; \`retry\` is for a PRP that needs a human or is in review.`,
      );
    const job = await lastJob(ctx, issue);
    const again = job.state === "needs-human" && (await ctx.deps.store.retryNow(job.id));
    if (!again) await requeuePrpJob(ctx, issue);
    await updatePrp(ctx.deps, {
      issue,
      event: "retried",
      actor: ctx.actor,
      note: `\`/lanes retry\` by @${ctx.actor}`,
    });
    return {};
  },
});

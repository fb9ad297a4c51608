// `/lanes cancel`: the PRP is withdrawn (state label removed, job cancelled) and its agent stopped at once
// through the lane's control channel; a host that is down learns it from the cancelled job.
import { withdrawPrp } from "../lifecycle/withdraw-prp.js";
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";
import { prpState, stateWord } from "./prp-lane.js";
import { CommandFailedError } from "../errors.js";

export const cancel = defineCommand({
  summary: "stop the PRP's lane and withdraw it",
  usage: "cancel",
  args: noArgs("cancel"),
  async run(ctx) {
    const issue = await ctx.prp();
    const state = await prpState(ctx, issue);
    if (state === null || state === "done")
      throw new CommandFailedError(`#${issue} is ${stateWord(state)}: nothing to cancel.`);
    const labels = ctx.where.number === issue ? ctx.where.labels : undefined;
    await withdrawPrp(
      ctx.deps,
      { number: issue, labels: labels ?? [], comments: 1 },
      { actor: ctx.actor, reason: `cancelled by @${ctx.actor}` },
    );
    await ctx.deps.store.publishControl(String(issue), {
      id: ctx.commandId,
      actor: ctx.actor,
      at: ctx.now(),
      message: { op: "cancel" },
    });
    return {};
  },
});

// `/lanes hold` and `/lanes unhold`: the `lanes-hold` label on the PRP keeps its lane out of every
// integration (`lanes integrate` skips it) until it is removed. GitHub holds the fact, so it survives Redis.
import { HOLD_LABEL } from "../label-catalogue.js";
import { notePrp } from "../lifecycle/update-prp.js";
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";

export const hold = defineCommand({
  summary: "keep the lane out of integration",
  usage: "hold",
  args: noArgs("hold"),
  async run(ctx) {
    const issue = await ctx.prp();
    await ctx.deps.github.addLabels(ctx.deps.repo, issue, [HOLD_LABEL.name]);
    await notePrp(ctx.deps, issue, `held: not integrated until \`/lanes unhold\` (@${ctx.actor})`);
    return {};
  },
});

export const unhold = defineCommand({
  summary: "let a held lane be integrated again",
  usage: "unhold",
  args: noArgs("unhold"),
  async run(ctx) {
    const issue = await ctx.prp();
    if (await ctx.deps.github.removeLabel(ctx.deps.repo, issue, HOLD_LABEL.name))
      await notePrp(ctx.deps, issue, `hold lifted (@${ctx.actor})`);
    return {};
  },
});

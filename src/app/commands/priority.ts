// `/lanes priority <P0..P3|critical..low>`: the PRP's job moves in its queue; the status comment shows it.
import * as z from "zod";
import { normalizePriority, type Priority } from "../../domain/priority.js";
import { notePrp } from "../lifecycle/update-prp.js";
import { defineCommand } from "./command.js";
import { openJob } from "./prp-lane.js";

const Args = z.string().transform((rest, ctx): Priority => {
  const level = normalizePriority(rest);
  if (level === undefined) {
    ctx.addIssue({
      code: "custom",
      message: "priority needs one of critical, high, medium, low (or P0 to P3)",
    });
    return z.NEVER;
  }
  return level;
});

export const priority = defineCommand({
  summary: "change the PRP's priority",
  usage: "priority <P0..P3|critical|high|medium|low>",
  args: Args,
  async run(ctx, level) {
    const issue = await ctx.prp();
    const job = await openJob(ctx, issue);
    if (job) await ctx.deps.store.setPriority(job.id, level);
    await notePrp(ctx.deps, issue, `priority ${level} (@${ctx.actor})`, { priority: level });
    return {};
  },
});

// `/lanes assign <role>`: a PRP waiting for an agent (or for a human) goes to another role's queue.
import * as z from "zod";
import { closestWord } from "../../text/closest-word.js";
import { ROLE_NAMES, RoleNameSchema } from "../../domain/role-names.js";
import { CommandFailedError } from "../errors.js";
import { notePrp, updatePrp } from "../lifecycle/update-prp.js";
import { defineCommand } from "./command.js";
import { prpState, stateWord } from "./prp-lane.js";
import { requeuePrpJob } from "./requeue-prp-job.js";

export const RoleArg = z.string().transform((rest, ctx) => {
  const word = rest.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  const parsed = RoleNameSchema.safeParse(word);
  if (!parsed.success) {
    const near = closestWord(word, ROLE_NAMES);
    ctx.addIssue({
      code: "custom",
      message: `\`${word || "(nothing)"}\` is not a role${near ? ` (did you mean \`${near}\`?)` : ""}; roles: ${ROLE_NAMES.join(", ")}`,
    });
    return z.NEVER;
  }
  return parsed.data;
});

export const assign = defineCommand({
  summary: "give a queued PRP (or one that needs a human) to another role",
  usage: "assign <role>",
  args: RoleArg,
  async run(ctx, role) {
    const issue = await ctx.prp();
    const state = await prpState(ctx, issue);
    if (state !== "queued" && state !== "needs-human")
      throw new CommandFailedError(
        `#${issue} is ${stateWord(state)}; \`assign\` moves a queued PRP or one that needs a human.`,
      );
    await requeuePrpJob(ctx, issue, { role });
    if (state === "needs-human")
      await updatePrp(ctx.deps, { issue, event: "retried", actor: ctx.actor, note: `assigned to ${role}` });
    await notePrp(ctx.deps, issue, `assigned to ${role} (@${ctx.actor})`, { role });
    return {};
  },
});

// `/lanes unflag [kind]`: a maintainer clears the PRP's flags (all, or one kind such as `sla-pr`) when they
// have seen to them; the status comment drops its "⚠️ Attention" line. Audited as `flag-cleared`.
import * as z from "zod";
import { publishStatus } from "../status/publish-status.js";
import { clearFlags } from "../team/prp-flags.js";
import { defineCommand } from "./command.js";

const Args = z
  .string()
  .transform((rest) => rest.trim().toLowerCase())
  .refine(
    (kind) => kind === "" || /^[a-z][a-z-]{0,39}$/.test(kind),
    "`unflag` takes one flag kind, such as sla-pr",
  );

export const unflag = defineCommand({
  summary: "clear the PRP's flags (SLA breach, at risk, overdue), or one kind",
  usage: "unflag [sla-claim|sla-pr|at-risk|overdue]",
  args: Args,
  async run(ctx, kind) {
    const issue = await ctx.prp();
    const cleared = await clearFlags(ctx.deps, issue, (k) => kind === "" || k === kind, {
      actor: ctx.actor,
      reason: "cleared by hand",
    });
    if (cleared.length === 0)
      return { reply: kind === "" ? "No flags to clear." : `No \`${kind}\` flag to clear.` };
    await publishStatus(ctx.deps, issue);
    return {};
  },
});

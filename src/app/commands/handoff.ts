// `/lanes handoff <role> [note]`: the PRP's lane branch goes to another role (a developer's finished work to
// a tester, say). The handoff record (from, to, completed, dependencies_ready, blockers, next_steps,
// artifacts) is posted as YAML, kept with the PRP, and given to the next role's agent in its brief; that
// role's job continues on the same branch.
import { stringify } from "yaml";
import * as z from "zod";
import { LanePayloadSchema } from "../../runner/job-port.js";
import { CommandFailedError } from "../errors.js";
import { updatePrp } from "../lifecycle/update-prp.js";
import { RoleArg } from "./assign.js";
import { defineCommand, type CommandContext } from "./command.js";
import { prpState, stateWord } from "./prp-lane.js";
import { lastJob, requeuePrpJob } from "./requeue-prp-job.js";

const Args = z.string().transform((rest, ctx) => {
  const [word = "", ...note] = rest.trim().split(/\s+/);
  const role = RoleArg.safeParse(word);
  if (!role.success) {
    for (const issue of role.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  }
  return { role: role.data, note: note.join(" ").slice(0, 2000) };
});

const HANDED_OVER = new Set(["review", "needs-human"]);

async function handoffRecord(ctx: CommandContext, issue: number, to: string, note: string): Promise<string> {
  const record = await ctx.deps.store.readPrpRecord(issue);
  const job = await lastJob(ctx, issue);
  const prp = LanePayloadSchema.safeParse(job.payload.prp ?? {});
  const criteria = prp.success ? prp.data.criteria : [];
  return stringify({
    prp: issue,
    from: record.role ?? job.role,
    to,
    by: ctx.actor,
    at: new Date(ctx.now()).toISOString(),
    completed: record.pr
      ? [`pull request ${record.pr}`]
      : [`work committed on ${record.branch ?? "the lane branch"}`],
    dependencies_ready: (record.waitingOn ?? []).length === 0,
    blockers: [],
    next_steps: [
      note || `${to}: continue the PRP on the same branch`,
      ...criteria.map((c) => `criterion: ${c}`),
    ],
    artifacts: [record.branch, record.pr].filter((a): a is string => typeof a === "string" && a !== ""),
  });
}

export const handoff = defineCommand({
  summary: "hand the lane's branch to another role, with a handoff record",
  usage: "handoff <role> [note]",
  args: Args,
  async run(ctx, { role, note }) {
    const issue = await ctx.prp();
    const state = await prpState(ctx, issue);
    if (state === null || !HANDED_OVER.has(state))
      throw new CommandFailedError(
        `#${issue} is ${stateWord(state)}; a lane is handed off once it is in review or needs a human.`,
      );
    const { branch } = await ctx.deps.store.readPrpRecord(issue);
    if (!branch) throw new CommandFailedError(`#${issue} has no lane branch yet: nothing to hand off.`);
    const yaml = await handoffRecord(ctx, issue, role, note);
    const previous = (await lastJob(ctx, issue)).payload.prp;
    const prp = previous && typeof previous === "object" && !Array.isArray(previous) ? previous : {};
    await requeuePrpJob(ctx, issue, { role, payload: { prp: { ...prp, branch, handoff: yaml } } });
    await ctx.deps.store.appendAudit({ type: "handoff", actor: ctx.actor, data: yaml });
    await ctx.deps.store.patchPrpRecord(issue, { handoff: yaml });
    await updatePrp(ctx.deps, {
      issue,
      event: "retried",
      actor: ctx.actor,
      note: `handed off to ${role} on \`${branch}\``,
    });
    return {
      reply: `Handed off to ${role}; its lane continues on \`${branch}\`.\n\n\`\`\`yaml\n${yaml}\`\`\``,
    };
  },
});

// `/lanes status`: the PRP's state, job and lane in one reply (the status comment has the full history).
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";
import { openJob, prpState, stateWord } from "./prp-lane.js";

export const status = defineCommand({
  summary: "reply with the PRP's state, job and lane",
  usage: "status",
  args: noArgs("status"),
  async run(ctx) {
    const issue = await ctx.prp();
    const state = await prpState(ctx, issue);
    const record = await ctx.deps.store.readPrpRecord(issue);
    const job = await openJob(ctx, issue);
    const lines = [`#${issue} is ${stateWord(state)}.`];
    if (record.role)
      lines.push(`- role: ${record.role}${record.priority ? `, priority ${record.priority}` : ""}`);
    if (job)
      lines.push(
        `- job \`${job.id}\`: ${job.state}${job.leaseHost ? ` on ${job.leaseHost}` : ""}, attempt ${job.attempts} of ${job.maxAttempts}`,
      );
    if (record.branch) lines.push(`- lane branch: \`${record.branch}\``);
    if (record.pr) lines.push(`- pull request: ${record.pr}`);
    if (record.note) lines.push(`- note: ${record.note.replace(/\r?\n/g, " ").slice(0, 300)}`);
    return { reply: lines.join("\n") };
  },
});

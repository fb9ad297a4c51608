// `/lanes status`: the PRP's state, job and lane, a hold and the check-ins still to come, in one reply (the
// status comment has the full history).
import { HOLD_LABEL } from "../label-catalogue.js";
import { quoteUntrusted } from "../status/quote-untrusted.js";
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";
import { openJob, prpState, stateWord } from "./prp-lane.js";

const oneLine = (text: string) => quoteUntrusted(text.replace(/\s+/g, " ").slice(0, 100)).replace(/^> /, "");
const isoMinute = (ms: number) => new Date(ms).toISOString().replace(/:\d{2}\.\d{3}Z$/, "Z");

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
    // on the PRP's issue (or a lane PR carrying it) the label is the hold itself
    if (ctx.where.labels.includes(HOLD_LABEL.name))
      lines.push("- held: not integrated until `/lanes unhold`");
    // the note is a commenter's text: shown inert (no mentions, no HTML), on one line
    for (const checkIn of (await ctx.deps.store.listCheckIns(String(issue))).slice(0, 3))
      lines.push(`- check-in at ${isoMinute(checkIn.at)}: ${oneLine(checkIn.note)}`);
    return { reply: lines.join("\n") };
  },
});

// A PRP's job queued again from its last one (same PRP text in the payload), for `retry`, `assign` and
// `handoff`: the earlier job, if still open, is cancelled first, so a PRP never has two jobs.
import type { Job, NewJob } from "../../state/index.js";
import type { RoleName } from "../../domain/role-names.js";
import { CommandFailedError } from "../errors.js";
import { repoName } from "../repo-deps.js";
import type { CommandContext } from "./command.js";

export async function lastJob(ctx: CommandContext, issue: number): Promise<Job> {
  const { jobId } = await ctx.deps.store.readPrpRecord(issue);
  const job = jobId ? await ctx.deps.store.findJob(jobId) : null;
  if (!job)
    throw new CommandFailedError(
      `#${issue} has no job Lanes remembers; label it \`prp\` again (or run \`lanes reconcile\`) to queue it.`,
    );
  return job;
}

export async function requeuePrpJob(
  ctx: CommandContext,
  issue: number,
  change: { role?: RoleName; payload?: NewJob["payload"] } = {},
): Promise<string> {
  const { store } = ctx.deps;
  const job = await lastJob(ctx, issue);
  if (job.state !== "done" && job.state !== "cancelled") await store.cancel(job.id);
  const role = change.role ?? job.role;
  const id = `issue-${issue}-${role}-${ctx.commandId}`.replace(/[^A-Za-z0-9._:/@-]/g, "-").slice(0, 200);
  await store.enqueue({
    id,
    repo: repoName(ctx.deps.repo),
    issue,
    role,
    priority: job.priority,
    title: job.title,
    kind: "build",
    payload: { ...job.payload, ...change.payload },
  });
  await store.patchPrpRecord(issue, { jobId: id, role });
  return id;
}

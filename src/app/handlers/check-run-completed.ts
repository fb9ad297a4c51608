// check_run.completed (and check_run.created for a run created already completed, as `lanes gate --publish`
// does for a gate that finishes within 5 s) of a `lanes/*` check run on a lane branch: the result is kept
// as one gate attempt of the lane's PRP (state/gate-runs), the PRP record's gates show the head commit's
// latest results, and an audit entry tells the dashboard. Other check runs are ignored without a request.
import { reportGateRun } from "../../state/index.js";
import { laneIssueOf } from "./pull-request-closed.js";
import { repoOf, type Handler, type HandlerContext, type Payload } from "./handler.js";

type CheckRunPayload = Payload<"check_run.completed"> | Payload<"check_run.created">;

/** The lane branch a check run belongs to: its PR's head, or its suite's branch. */
function branchOf(payload: CheckRunPayload): string {
  const run = payload.check_run;
  const pr = run.pull_requests.find((p) => laneIssueOf(p.head.ref) !== undefined);
  return pr?.head.ref ?? (run.check_suite as { head_branch?: string | null } | undefined)?.head_branch ?? "";
}

function relevant(payload: CheckRunPayload): boolean {
  const run = payload.check_run;
  return (
    run.status === "completed" &&
    run.conclusion !== null &&
    run.name.startsWith("lanes/") &&
    laneIssueOf(branchOf(payload)) !== undefined
  );
}

const ms = (iso: string | null | undefined): number | undefined => {
  const value = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(value) ? undefined : value;
};

async function handle(payload: CheckRunPayload, ctx: HandlerContext) {
  const run = payload.check_run;
  const branch = branchOf(payload);
  const issue = laneIssueOf(branch) as number;
  const deps = ctx.forRepo(repoOf(payload));
  const started = ms(run.started_at);
  const completed = ms(run.completed_at) ?? Date.now();
  const fresh = await reportGateRun(
    deps.store,
    {
      id: String(run.id),
      issue,
      gate: run.name,
      sha: run.head_sha,
      conclusion: run.conclusion ?? "",
      branch,
      at: completed,
      durationMs: started === undefined ? null : Math.max(0, completed - started),
      url: run.html_url ?? undefined,
    },
    payload.sender.login,
  );
  if (fresh) ctx.log.info({ issue, gate: run.name, conclusion: run.conclusion }, "gate result kept");
}

export const checkRunCompleted: Handler<"check_run.completed"> = { relevant, handle };
export const checkRunCreated: Handler<"check_run.created"> = { relevant, handle };

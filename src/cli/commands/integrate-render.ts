// What `lanes integrate` prints for people: the plan (dry run) or the result, with the next step for
// every lane that did not make it (a conflict, a culprit, a lane still waiting for its gates).
import type { IntegrationResult } from "../../integrate/apply-integration.js";
import type { IntegrationPlan } from "../../integrate/plan-integration.js";
import type { OpenedPr } from "../../integrate/open-integration-pr.js";
import type { ReadySet } from "../../integrate/ready-from-github.js";

export interface IntegrateOutput extends IntegrationResult {
  pr: OpenedPr | null;
  requeued: number;
  /** Lanes --ready left out, and why. */
  waiting: ReadySet["waiting"];
  /** Why the day's branch name was not used, when it was not. */
  branchNote?: string;
  /** When an existing integration branch was updated: the lanes it gained and lost. */
  changedSince?: { commit: string; added: string[]; dropped: string[] };
  pushed: boolean;
  /** Per conflicting lane, what to do next. */
  nextSteps: { branch: string; next: string }[];
}

export function dryRunView(plan: IntegrationPlan, waiting: ReadySet["waiting"]) {
  return {
    dryRun: true,
    base: plan.base,
    baseCommit: plan.baseCommit,
    branch: plan.branch,
    order: plan.order.map((l) => l.branch),
    skipped: plan.skipped,
    waiting,
    overlaps: plan.overlaps,
    predictedConflicts: plan.predictedConflicts,
    validate: plan.validate,
  };
}

export function renderPlan(view: ReturnType<typeof dryRunView>): string {
  const lines = [
    `plan: ${view.order.length} lanes onto ${view.base} → ${view.branch} (dry run, nothing written)`,
  ];
  view.order.forEach((b, i) => lines.push(`  ${i + 1}. ${b}`));
  for (const s of view.skipped) lines.push(`skip     ${s.branch}: ${s.reason}`);
  for (const w of view.waiting) lines.push(`waiting  ${w.branch}: ${w.reason}`);
  for (const o of view.overlaps) {
    const conflict = view.predictedConflicts.find((c) => c.a === o.a && c.b === o.b);
    lines.push(`${conflict ? "CONFLICT" : "overlap "} ${o.a} ↔ ${o.b}: ${(conflict ?? o).files.join(", ")}`);
  }
  return lines.join("\n");
}

/** The next step for a conflicting lane: the queued resolve job, or the commands that reproduce the conflict. */
export function conflictNextSteps(
  result: IntegrationResult,
  requeued: boolean,
): { branch: string; next: string }[] {
  return result.conflicts.map((c) => ({
    branch: c.branch,
    next: requeued
      ? `a resolve job is queued for its lane (${c.branch}); it re-enters the next integration once resolved`
      : `git switch ${c.branch} && git merge ${result.branch ?? c.with.join(" ")}, resolve ${c.files.join(", ")}, commit, then run lanes integrate again (or pass --redis to queue a resolve job)`,
  }));
}

export function renderResult(result: IntegrateOutput): string {
  const lines = [
    result.branch
      ? `${result.branch} → ${result.commit.slice(0, 12)} (${result.merged.length} merged onto ${result.base})`
      : `no integration branch written (${result.merged.length} merged)`,
  ];
  if (result.branchNote) lines.push(`note     ${result.branchNote}`);
  for (const b of result.merged) lines.push(`merged   ${b}`);
  for (const c of result.conflicts)
    lines.push(`CONFLICT ${c.branch} with ${c.with.join(", ")}: ${c.files.join(", ")}`);
  for (const n of result.nextSteps) lines.push(`  next: ${n.next}`);
  for (const c of result.culprits) lines.push(`CULPRIT  ${c.branch}: ${c.reason}`);
  for (const s of result.skipped) lines.push(`skipped  ${s.branch}: ${s.reason}`);
  for (const w of result.waiting) lines.push(`waiting  ${w.branch}: ${w.reason}`);
  for (const v of result.validation) lines.push(`${v.ok ? "passed" : "FAILED"}   ${v.command}`);
  if (result.baseFailsValidation) lines.push(`validation fails on ${result.base} itself; fix the base first`);
  if (result.changedSince) {
    const { added, dropped } = result.changedSince;
    const change = [
      added.length > 0 ? `added ${added.join(", ")}` : "",
      dropped.length > 0 ? `dropped ${dropped.join(", ")}` : "",
    ].filter((s) => s.length > 0);
    lines.push(
      `changed  since ${result.changedSince.commit.slice(0, 12)}: ${change.length > 0 ? change.join("; ") : "same lanes, rebuilt"}`,
    );
  }
  if (result.pushed) lines.push(`pushed   ${result.branch}`);
  if (result.pr)
    lines.push(`${result.pr.created ? "opened" : "updated"} PR #${result.pr.number}: ${result.pr.url}`);
  if (result.requeued > 0) lines.push(`requeued ${result.requeued} lane(s) as resolve jobs`);
  return lines.join("\n");
}

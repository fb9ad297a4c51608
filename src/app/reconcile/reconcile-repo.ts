// Reconcile in one call, for `lanes reconcile` and `lanes stack up --github-repo`: read GitHub and Redis,
// plan, and (unless dry) apply. The plan is returned either way so callers print what was decided.
import type { RepoDeps } from "../repo-deps.js";
import { applyReconcile, type ReconcileOutcome } from "./apply-reconcile.js";
import { planReconcile, type ReconcilePlan } from "./plan-reconcile.js";
import { readGitHubFacts } from "./read-github-facts.js";
import { readRedisFacts } from "./read-redis-facts.js";

export async function reconcileRepo(
  deps: RepoDeps,
  options: { dryRun?: boolean } = {},
): Promise<{ plan: ReconcilePlan; outcomes: ReconcileOutcome[] | null }> {
  const facts = await readGitHubFacts(deps.github, deps.repo);
  const redis = await readRedisFacts(
    deps.store,
    facts.prps.map((p) => p.number),
  );
  const plan = planReconcile(facts, redis);
  if (options.dryRun) return { plan, outcomes: null };
  return { plan, outcomes: await applyReconcile(deps, plan, facts) };
}

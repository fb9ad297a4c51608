// Ownership and reviews: a lane PR or an integration PR asks the owners of the paths it touches to review
// it (lanes.yml `owners:` or CODEOWNERS; the PR's author is never asked). Owners are the decision makers of
// their paths (seed 002: `infra/**` needs @ops), so they are named as required reviewers in the lane's
// status comment and in a section of the integration PR's body.
import type { PullRequest } from "../../github/index.js";
import { publishStatus } from "../status/publish-status.js";
import { currentState } from "../transition.js";
import type { RepoDeps } from "../repo-deps.js";
import { ownersOf, splitReviewers } from "./owners-of.js";
import { readOwnerRules } from "./repo-config.js";

export const REVIEWERS_MARKER = "<!-- lanes:reviewers -->";

export interface ReviewRequest {
  pull: Pick<PullRequest, "number" | "body">;
  author: string;
  /** The PRP a lane PR works on; undefined for an integration PR. */
  laneIssue?: number;
}

/** The PR body with its required-reviewers section replaced (or added). */
export function withReviewersSection(body: string | null, owners: readonly string[]): string {
  const kept = (body ?? "").split(REVIEWERS_MARKER)[0]?.trimEnd() ?? "";
  const section = [REVIEWERS_MARKER, "### Required reviewers", "", ...owners.map((o) => `- ${o}`)].join("\n");
  return `${kept}${kept ? "\n\n" : ""}${section}\n`;
}

export async function requestOwnerReviews(deps: RepoDeps, request: ReviewRequest): Promise<string[]> {
  const rules = await readOwnerRules(deps);
  if (rules.length === 0) return [];
  const files = await deps.github.listPullFiles(deps.repo, request.pull.number);
  const owners = ownersOf(
    files.map((f) => f.filename),
    rules,
  ).filter((owner) => owner.toLowerCase() !== `@${request.author.toLowerCase()}`);
  if (owners.length === 0) return [];
  const { reviewers, teamReviewers } = splitReviewers(owners);
  await deps.github.requestReviewers(deps.repo, request.pull.number, { reviewers, teamReviewers });
  await deps.store.appendAudit({
    type: "review-requested",
    actor: "lanes",
    data: JSON.stringify({ pull: request.pull.number, owners }),
  });
  if (request.laneIssue !== undefined) {
    // a lane branch of an issue Lanes does not track gets its review requests and nothing else
    if ((await currentState(deps.store, request.laneIssue)).state === null) return owners;
    await deps.store.patchPrpRecord(request.laneIssue, { reviewers: owners });
    await publishStatus(deps, request.laneIssue);
  } else {
    await deps.github.updatePull(deps.repo, request.pull.number, {
      body: withReviewersSection(request.pull.body, owners),
    });
  }
  return owners;
}

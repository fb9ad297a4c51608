// What the gates learn from a lane's pull request: the PRP issue it closes (by closing keyword, else by
// the branch name), that issue's body parsed as the PRP, the PR body (where the lane names its tests), the
// criteria maintainers accepted in comments, and which of the PRP's dependencies are merged (their issues
// are closed when their lane PR merged).
import { isStatus } from "../github/errors.js";
import type { GitHubPort, Issue, PullRequest, PullReview, RepoRef } from "../github/github-port.js";
import { parsePrp } from "../prp/parse-prp.js";
import { closingIssueNumbers } from "../prp/closing-refs.js";
import { branchRegExp } from "./gate-lane.js";
import { parseAccept, parseReviewAcceptance, type Acceptance } from "./criterion-evidence.js";
import type { GatePrp, PrpProblem } from "./types.js";

/** The port calls PR resolution makes; the full GitHubPort satisfies it. */
export type PrFactsPort = Pick<
  GitHubPort,
  "getPull" | "getIssue" | "permissionLevel" | "listComments" | "listReviews"
>;

export interface PrFacts {
  pull: PullRequest;
  /** The PRP issue and how it was found, when one was. */
  issue?: { number: number; via: "closing keyword" | "branch name" } | undefined;
  prp: GatePrp;
  /** Why the PRP gates cannot judge the lane (no PRP linked, or one that does not parse). */
  prpProblem?: PrpProblem | undefined;
  prBody: string;
  mergedPrpIds: Set<string>;
  /** Criteria a person with write access accepted in a PR comment or an approving review. */
  acceptances: Acceptance[];
  /** Why the PRP's validation commands are not run (an unapproved PRP from an author without write access). */
  validationWithheld?: string | undefined;
}

const WRITERS = new Set(["admin", "maintain", "write"]);
/** State labels the app sets only on PRPs it accepted (a maintainer's `/lanes approve` for outside authors). */
const UNACCEPTED = new Set(["lanes:needs-approval", "lanes:invalid"]);

/**
 * An issue body is a prompt and its validation commands run in a shell: only a PRP written by someone
 * with write access, or one the app accepted (a `lanes:*` state label), is trusted to run them.
 */
async function withheldReason(port: PrFactsPort, repo: RepoRef, issue: Issue): Promise<string | undefined> {
  if (issue.labels.some((l) => l.startsWith("lanes:") && !UNACCEPTED.has(l))) return undefined;
  const level = await port.permissionLevel(repo, issue.author).catch((error: unknown) => {
    if (isStatus(error, 404)) return "none";
    throw error;
  });
  if (WRITERS.has(level)) return undefined;
  return `The PRP in #${issue.number} was written by @${issue.author}, who has ${level} access: its validation commands run only once a maintainer approves it (\`/lanes approve\`).`;
}

const HOW_TO_LINK =
  "Link the PRP issue by writing `Closes #<issue>` in the PR body, or name the branch `lanes/<role>/<issue>-<slug>`.";

function missing(pr: number, why: string): PrpProblem {
  return {
    kind: "missing",
    title: "No PRP linked to the PR",
    summary: `PR #${pr}: ${why}\n\n${HOW_TO_LINK}`,
  };
}

/** The PRP issue: the closing reference that matches the branch, else the first one, else the branch's issue. */
function prpIssueNumber(pull: PullRequest, repo: RepoRef, branchPattern: string): PrFacts["issue"] {
  const closing = closingIssueNumbers(pull.body, repo);
  const fromBranch = Number(branchRegExp(branchPattern).exec(pull.head.ref)?.groups?.issue ?? Number.NaN);
  if (closing.length > 0)
    return {
      number: closing.includes(fromBranch) ? fromBranch : (closing[0] as number),
      via: "closing keyword",
    };
  return Number.isSafeInteger(fromBranch) && fromBranch > 0
    ? { number: fromBranch, via: "branch name" }
    : undefined;
}

async function issueOrUndefined(
  port: PrFactsPort,
  repo: RepoRef,
  number: number,
): Promise<Issue | undefined> {
  try {
    return await port.getIssue(repo, number);
  } catch (error) {
    if (isStatus(error, 404) || isStatus(error, 410)) return undefined;
    throw error;
  }
}

/** The PRP's dependencies whose issues are closed; backlog ids and missing issues count as not merged. */
export async function mergedDependencies(
  port: PrFactsPort,
  repo: RepoRef,
  dependsOn: readonly string[],
): Promise<Set<string>> {
  const numbered = [...new Set(dependsOn)].filter((d) => /^\d+$/.test(d));
  const issues = await Promise.all(numbered.map((d) => issueOrUndefined(port, repo, Number(d))));
  return new Set(numbered.filter((_, i) => issues[i]?.state === "closed"));
}

function invalid(
  issue: Issue,
  errors: readonly { field: string; line: number; message: string }[],
): PrpProblem {
  const lines = errors.map((e) => `- line ${e.line}: \`${e.field}\`: ${e.message}`);
  return {
    kind: "invalid",
    title: `The PRP in #${issue.number} does not parse (${errors.length} error${errors.length === 1 ? "" : "s"})`,
    summary: `The body of issue #${issue.number} is not a valid PRP. Edit the issue and fix:\n\n${lines.join("\n")}`,
  };
}

export async function resolvePrFacts(
  port: PrFactsPort,
  repo: RepoRef,
  pr: number,
  options: { branchPattern: string },
): Promise<PrFacts> {
  const pull = await port.getPull(repo, pr);
  const [acceptances, facts] = await Promise.all([
    acceptancesOn(port, repo, pr),
    linkedPrp(port, repo, pull, options),
  ]);
  return { ...facts, acceptances };
}

async function linkedPrp(
  port: PrFactsPort,
  repo: RepoRef,
  pull: PullRequest,
  options: { branchPattern: string },
): Promise<Omit<PrFacts, "acceptances">> {
  const pr = pull.number;
  const base = { pull, prBody: pull.body ?? "", mergedPrpIds: new Set<string>() };
  const link = prpIssueNumber(pull, repo, options.branchPattern);
  if (!link)
    return {
      ...base,
      prp: { title: pull.title, criteria: [] },
      prpProblem: missing(pr, "no `Closes #<issue>` in the body and the branch name names no issue."),
    };
  const issue = await issueOrUndefined(port, repo, link.number);
  const id = String(link.number);
  if (!issue || issue.isPullRequest) {
    const why = issue
      ? `#${id} (found by ${link.via}) is a pull request, not a PRP issue.`
      : `issue #${id} (found by ${link.via}) does not exist.`;
    return {
      ...base,
      issue: link,
      prp: { id, title: pull.title, criteria: [] },
      prpProblem: missing(pr, why),
    };
  }
  const parsed = parsePrp(issue.body ?? "", { issueTitle: issue.title, file: `#${id}` });
  if (!parsed.ok || !parsed.prp) {
    const errors =
      parsed.errors.length > 0
        ? parsed.errors
        : [{ field: "prp", line: 1, message: "no PRP in the issue body" }];
    return {
      ...base,
      issue: link,
      prp: { id, title: issue.title, criteria: [] },
      prpProblem: invalid(issue, errors),
    };
  }
  const prp: GatePrp = { ...parsed.prp, id };
  const withheld = (prp.validation ?? []).length > 0 ? await withheldReason(port, repo, issue) : undefined;
  return {
    ...base,
    issue: link,
    prp: withheld ? { ...prp, validation: [] } : prp,
    mergedPrpIds: await mergedDependencies(port, repo, prp.dependsOn ?? []),
    ...(withheld ? { validationWithheld: withheld } : {}),
  };
}

/**
 * The criteria people with write access accepted on the PR: `/lanes accept <n>…` (or `all`) in a comment, or
 * an approving review that names them. Bots and people without write access are ignored (a lane cannot
 * accept its own work), and so is an approval its author later followed with a request for changes.
 */
export async function acceptancesOn(port: PrFactsPort, repo: RepoRef, pr: number): Promise<Acceptance[]> {
  const [comments, reviews] = await Promise.all([port.listComments(repo, pr), port.listReviews(repo, pr)]);
  const fromComments = comments.flatMap((c) => {
    const criteria = c.authorType === "Bot" ? undefined : parseAccept(c.body);
    return criteria ? [{ criteria, by: c.author, at: `comment ${c.id}` }] : [];
  });
  const accepted = [...fromComments, ...reviewAcceptances(reviews)];
  const authors = [...new Set(accepted.map((c) => c.by))];
  const levels = await Promise.all(
    authors.map((a) =>
      port.permissionLevel(repo, a).catch((error: unknown) => {
        if (isStatus(error, 404)) return "none";
        throw error;
      }),
    ),
  );
  const writers = new Set(authors.filter((_, i) => WRITERS.has(levels[i] as string)));
  return accepted.filter((c) => writers.has(c.by));
}

/** Approving reviews that name criteria, unless their author's last verdict is no longer an approval. */
function reviewAcceptances(reviews: readonly PullReview[]): Acceptance[] {
  const verdicts = reviews.filter((r) => r.state === "APPROVED" || r.state === "CHANGES_REQUESTED");
  const lastVerdict = new Map(verdicts.map((r) => [r.author, r.state]));
  return reviews.flatMap((r) => {
    if (r.state !== "APPROVED" || r.authorType === "Bot" || lastVerdict.get(r.author) !== "APPROVED")
      return [];
    const criteria = parseReviewAcceptance(r.body);
    return criteria ? [{ criteria, by: r.author, at: `review ${r.id}` }] : [];
  });
}

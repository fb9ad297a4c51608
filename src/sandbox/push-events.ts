// What GitHub does after a ref moves: a push webhook, pull_request synchronize for open PRs on that branch,
// and every open PR into that branch whose head it now contains becomes merged.
import { ZERO_SHA, commitsBetween } from "./bare-repo.js";
import { emit, type EventContext } from "./handler.js";
import { mergeReachablePulls } from "./merged-pulls.js";
import { renderPull, renderUser } from "./render-resources.js";

export interface RefUpdate {
  ref: string;
  before: string;
  after: string;
}

export async function announceRefUpdate(ctx: EventContext, update: RefUpdate, forced = false): Promise<void> {
  await sendPush(ctx, update, forced);
  if (update.after === ZERO_SHA || !update.ref.startsWith("refs/heads/")) return;
  await mergeReachablePulls(ctx, update.ref.slice("refs/heads/".length), update);
}

/** The push webhook, and synchronize for open PRs whose head branch moved. */
export async function sendPush(ctx: EventContext, update: RefUpdate, forced = false): Promise<void> {
  const { state, repo } = ctx;
  const created = update.before === ZERO_SHA;
  const deleted = update.after === ZERO_SHA;
  const commits = deleted
    ? []
    : await commitsBetween(repo.gitDir, created ? null : update.before, update.after);
  const withUrls = commits.map((c) => ({
    ...c,
    distinct: true,
    url: `${state.apiUrl}/repos/${repo.fullName}/commits/${c.id}`,
    added: [],
    removed: [],
    modified: [],
  }));
  const pusher = renderUser(state, ctx.actor);
  emit(ctx, "push", {
    ref: update.ref,
    before: update.before,
    after: update.after,
    created,
    deleted,
    forced,
    base_ref: null,
    compare: `${state.apiUrl}/_web/${repo.fullName}/compare/${update.before.slice(0, 12)}...${update.after.slice(0, 12)}`,
    commits: withUrls,
    head_commit: withUrls.at(-1) ?? null,
    pusher: { name: pusher.login, email: `${ctx.actor.login}@users.noreply.sandbox` },
  });
  if (deleted || !update.ref.startsWith("refs/heads/")) return;
  const branch = update.ref.slice("refs/heads/".length);
  for (const pull of repo.pulls.values()) {
    const issue = repo.issues.get(pull.number);
    if (!issue || issue.state !== "open" || pull.head !== branch || pull.headSha === update.after) continue;
    const before = pull.headSha;
    pull.headSha = update.after;
    issue.updatedAt = state.now();
    emit(ctx, "pull_request", {
      action: "synchronize",
      number: pull.number,
      before,
      after: update.after,
      pull_request: renderPull(state, repo, pull, issue),
    });
  }
}

// Pull request reviews: list, and submit one (approve, request changes, comment) with the
// pull_request_review webhook. As on GitHub, nobody approves or requests changes on their own PR, and an
// approval or a request for changes needs a body only when GitHub asks for one (changes, comments).
// Review requests: users (who must exist and may not be the PR's author) and teams are recorded on the pull
// request and announced with pull_request.review_requested, one event per reviewer, as GitHub does.
import { notFound, unprocessable } from "../errors.js";
import { emit, page, str, type Routes } from "../handler.js";
import { renderPull, renderReview, renderUser } from "../render-resources.js";
import type { SandboxReview } from "../state.js";
import { requirePull } from "./pulls.js";

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

const STATE_OF = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED",
} as const satisfies Record<string, SandboxReview["state"]>;

export const reviewRoutes: Routes = {
  "pulls/list-reviews": {
    permission: "read",
    handle(ctx) {
      const pull = ctx.repo.pulls.get(Number(ctx.params.pull_number));
      if (!pull) throw notFound();
      const reviews = [...ctx.repo.reviews.values()]
        .filter((r) => r.pullNumber === pull.number)
        .map((r) => renderReview(ctx.state, ctx.repo, r));
      return page(ctx, reviews, `/repos/${ctx.repo.fullName}/pulls/${pull.number}/reviews`);
    },
  },

  "pulls/create-review": {
    permission: "read",
    handle(ctx) {
      const pull = ctx.repo.pulls.get(Number(ctx.params.pull_number));
      const issue = pull && ctx.repo.issues.get(pull.number);
      if (!pull || !issue) throw notFound();
      const event = (str(ctx.body, "event") ?? "COMMENT") as keyof typeof STATE_OF;
      const body = str(ctx.body, "body") ?? "";
      if (event !== "APPROVE" && body.trim() === "")
        throw unprocessable(`Unprocessable Entity: "Review body is required for ${event}"`, "body");
      if (event !== "COMMENT" && issue.author === ctx.actor.login)
        throw unprocessable(
          `Unprocessable Entity: "Can not ${event === "APPROVE" ? "approve" : "request changes on"} your own pull request"`,
        );
      const review: SandboxReview = {
        id: ctx.state.nextId(),
        pullNumber: pull.number,
        body,
        state: STATE_OF[event],
        author: ctx.actor.login,
        commitId: str(ctx.body, "commit_id") ?? pull.headSha,
        submittedAt: ctx.state.now(),
      };
      ctx.repo.reviews.set(review.id, review);
      const rendered = renderReview(ctx.state, ctx.repo, review);
      emit(ctx, "pull_request_review", {
        action: "submitted",
        review: { ...rendered, state: review.state.toLowerCase() },
        pull_request: renderPull(ctx.state, ctx.repo, pull, issue),
      });
      return { status: 200, body: rendered };
    },
  },
  "pulls/request-reviewers": {
    permission: "write",
    handle(ctx) {
      const { pull, issue } = requirePull(ctx);
      const reviewers = strings(ctx.body.reviewers);
      const teams = strings(ctx.body.team_reviewers);
      for (const login of reviewers) {
        if (login === issue.author)
          throw unprocessable("Review cannot be requested from pull request author.");
        if (!ctx.state.users.has(login))
          throw unprocessable(
            "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the " +
              `${ctx.repo.fullName} repository.`,
          );
      }
      const newUsers = reviewers.filter((login) => !pull.requestedReviewers.includes(login));
      const newTeams = teams.filter((slug) => !pull.requestedTeams.includes(slug));
      pull.requestedReviewers.push(...newUsers);
      pull.requestedTeams.push(...newTeams);
      const rendered = renderPull(ctx.state, ctx.repo, pull, issue);
      for (const login of newUsers)
        emit(ctx, "pull_request", {
          action: "review_requested",
          number: pull.number,
          pull_request: rendered,
          requested_reviewer: renderUser(ctx.state, login),
        });
      for (const slug of newTeams)
        emit(ctx, "pull_request", {
          action: "review_requested",
          number: pull.number,
          pull_request: rendered,
          requested_team: { slug, name: slug },
        });
      return { status: 201, body: rendered };
    },
  },
};

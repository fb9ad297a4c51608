// Review requests: users (who must exist and may not be the PR's author) and teams are recorded on the pull
// request and announced with pull_request.review_requested, one event per reviewer, as GitHub does.
import { unprocessable } from "../errors.js";
import { emit, type Routes } from "../handler.js";
import { renderPull, renderUser } from "../render-resources.js";
import { requirePull } from "./pulls.js";

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

export const reviewRoutes: Routes = {
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

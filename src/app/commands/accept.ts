// `/lanes accept <n>…|all` on a lane PR: a maintainer accepts success criteria. The lanes/prp gate reads these
// comments itself (checking the commenter's access again), so here the command is validated and the gates are
// started again on the PR's head, so the acceptance counts now rather than at the next push.
import * as z from "zod";
import { errorMessage } from "../../errors.js";
import { CommandFailedError } from "../errors.js";
import { defineCommand } from "./command.js";
import { lanePulls, recheckPull } from "./recheck-lane.js";

const Args = z
  .string()
  .trim()
  .regex(
    /^(all|\d+([\s,]+\d+)*)$/i,
    "accept needs criterion numbers or `all`: `/lanes accept 1 3` or `/lanes accept all`",
  );

export const accept = defineCommand({
  summary: "accept success criteria of a lane PR; lanes/prp judges again",
  usage: "accept <n>…|all",
  args: Args,
  async run(ctx) {
    if (!ctx.where.isPullRequest)
      throw new CommandFailedError(
        "`accept` belongs on the lane's pull request, where the lanes/prp gate reads it.",
      );
    const [pull] = await lanePulls(ctx);
    if (!pull) return {};
    try {
      return { reply: `Accepted; \`lanes/prp\` judges again. ${await recheckPull(ctx, pull)}` };
    } catch (error) {
      // The acceptance stands (it is this comment); only the re-run did not start.
      const why = error instanceof CommandFailedError ? error.message : errorMessage(error).slice(0, 300);
      ctx.deps.log.warn({ pr: pull.number, err: errorMessage(error) }, "gates not restarted after accept");
      return {
        reply: `Accepted; \`lanes/prp\` counts it on its next run (the next push, or \`/lanes recheck\`). The gates could not be started now: ${why}`,
      };
    }
  },
});

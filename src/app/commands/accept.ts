// `/lanes accept <n>…|all` on a lane PR: a maintainer accepts success criteria. The lanes/prp gate reads these
// comments itself (checking the commenter's access again); here the command is only validated and acknowledged.
import { z } from "zod";
import { CommandFailedError } from "../errors.js";
import { defineCommand } from "./command.js";

const Args = z
  .string()
  .trim()
  .regex(
    /^(all|\d+([\s,]+\d+)*)$/i,
    "accept needs criterion numbers or `all`: `/lanes accept 1 3` or `/lanes accept all`",
  );

export const accept = defineCommand({
  summary: "accept success criteria of a lane PR (read by the lanes/prp gate)",
  usage: "accept <n>…|all",
  args: Args,
  async run(ctx) {
    if (!ctx.where.isPullRequest)
      throw new CommandFailedError(
        "`accept` belongs on the lane's pull request, where the lanes/prp gate reads it.",
      );
    return {
      reply: "Noted: the `lanes/prp` gate counts it on its next run (`/lanes recheck`, or the next push).",
    };
  },
});

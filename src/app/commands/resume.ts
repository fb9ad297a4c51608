// `/lanes resume`: a paused lane (by `/lanes pause`, a usage limit or a budget) continues now.
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";
import { sendToLane } from "./prp-lane.js";

export const resume = defineCommand({
  summary: "let a paused agent continue",
  usage: "resume",
  args: noArgs("resume"),
  async run(ctx) {
    await sendToLane(ctx, { op: "resume" }, ["paused", "active", "waiting"]);
    return {};
  },
});

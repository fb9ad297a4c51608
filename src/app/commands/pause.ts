// `/lanes pause`: the agent is interrupted and waits, its lease kept, until `/lanes resume`.
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";
import { sendToLane } from "./prp-lane.js";

export const pause = defineCommand({
  summary: "interrupt the agent and keep its lane until `resume`",
  usage: "pause",
  args: noArgs("pause"),
  async run(ctx) {
    await sendToLane(ctx, { op: "pause" }, ["active", "waiting"]);
    return {};
  },
});

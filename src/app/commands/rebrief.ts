// `/lanes rebrief`: pastes the lane's brief again (after the PRP or the role brief changed, or the agent drifted).
import { defineCommand } from "./command.js";
import { noArgs } from "./no-args.js";
import { sendToLane } from "./prp-lane.js";

export const rebrief = defineCommand({
  summary: "give the agent its brief again",
  usage: "rebrief",
  args: noArgs("rebrief"),
  async run(ctx) {
    await sendToLane(ctx, { op: "rebrief" }, ["active", "waiting", "paused"]);
    return {};
  },
});

// `/lanes say <message>`: pastes the message (sanitised by the runner) into the agent's pane; an agent that
// waits on a question takes it as the answer and its PRP is active again.
import * as z from "zod";
import { defineCommand } from "./command.js";
import { queuedReply, sendToLane } from "./prp-lane.js";

export const say = defineCommand({
  summary: "send a message to the agent (answers its question when it waits)",
  usage: "say <message>",
  args: z.string().trim().min(1, "say needs a message: `/lanes say <message>`").max(4000),
  async run(ctx, text) {
    const { state } = await sendToLane(ctx, { op: "say", text });
    return queuedReply(state, "The agent reads it");
  },
});

// `/lanes schedule <minutes> <note>`: a check-in pasted into the agent's pane when the minutes have passed.
import * as z from "zod";
import { defineCommand } from "./command.js";
import { sendToLane } from "./prp-lane.js";

const MAX_MINUTES = 7 * 24 * 60;

const Args = z.string().transform((rest, ctx) => {
  const match = /^(\d+)\s+([\s\S]+)$/.exec(rest.trim());
  const minutes = match ? Number(match[1]) : Number.NaN;
  if (!match || minutes < 1 || minutes > MAX_MINUTES) {
    ctx.addIssue({
      code: "custom",
      message: `schedule needs whole minutes (1 to ${MAX_MINUTES}) and a note: \`/lanes schedule 30 check the tests\``,
    });
    return z.NEVER;
  }
  return { minutes, note: (match[2] ?? "").trim().slice(0, 2000) };
});

export const schedule = defineCommand({
  summary: "paste a check-in note into the agent's pane after some minutes",
  usage: "schedule <minutes> <note>",
  args: Args,
  async run(ctx, { minutes, note }) {
    const dueAt = ctx.now() + minutes * 60_000;
    await sendToLane(ctx, { op: "schedule", dueAt, note });
    return { reply: `Check-in scheduled for ${new Date(dueAt).toISOString().replace(/\.\d{3}Z$/, "Z")}.` };
  },
});

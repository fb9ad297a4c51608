// The `/lanes` comment commands by name: the App's command map and `lanes.yml` `commands` both use these words.
import * as z from "zod";

export const COMMAND_NAMES = [
  "help",
  "status",
  "retry",
  "cancel",
  "pause",
  "resume",
  "assign",
  "handoff",
  "say",
  "rebrief",
  "priority",
  "hold",
  "unhold",
  "approve",
  "schedule",
  "accept",
  "recheck",
  "integrate",
  "unflag",
] as const;
export const CommandNameSchema = z.enum(COMMAND_NAMES);
export type CommandName = z.infer<typeof CommandNameSchema>;

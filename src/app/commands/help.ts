// `/lanes help` (or a bare `/lanes`): the commands, each with how it is written and what it does.
import * as z from "zod";
import { defineCommand } from "./command.js";

export const help = defineCommand({
  summary: "list the commands",
  usage: "help",
  // anything after it is ignored: `/lanes help say` still lists everything
  args: z.string(),
  run: async () => ({ showHelp: true }),
});

// Every `/lanes` command in one typed map: one file per command, no directory scanning.
import type { CommandMap } from "./command.js";
import { accept } from "./accept.js";
import { approve } from "./approve.js";
import { assign } from "./assign.js";
import { cancel } from "./cancel.js";
import { handoff } from "./handoff.js";
import { help } from "./help.js";
import { hold, unhold } from "./hold.js";
import { integrate } from "./integrate.js";
import { pause } from "./pause.js";
import { priority } from "./priority.js";
import { rebrief } from "./rebrief.js";
import { recheck } from "./recheck.js";
import { resume } from "./resume.js";
import { retry } from "./retry.js";
import { say } from "./say.js";
import { schedule } from "./schedule.js";
import { status } from "./status.js";
import { unflag } from "./unflag.js";

export const commands: CommandMap = {
  help,
  status,
  retry,
  cancel,
  pause,
  resume,
  assign,
  handoff,
  say,
  rebrief,
  priority,
  hold,
  unhold,
  approve,
  schedule,
  accept,
  recheck,
  integrate,
  unflag,
};

export * from "./command.js";
export * from "./parse-commands.js";

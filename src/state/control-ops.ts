// Pause / resume (per job and per role), cancel, priority change, manual retry; each says whether it applied.
import { randomUUID } from "node:crypto";
import type { RoleName } from "../domain/role-names.js";
import { priorityRank, type Priority } from "../domain/priority.js";
import { JobNotFoundError, StateError } from "./errors.js";
import type { StoreCore } from "./store-core.js";

type JobOp = "pause" | "resume" | "cancel" | "retry";

export function makeControlOps(core: StoreCore) {
  async function control(op: string, target: string, arg = "", name = ""): Promise<number> {
    // one id per call, the same on every re-send, so a retry of an applied op reports it applied
    const reply = Number(
      await core.script("lanesControl", [op, target, arg, name, core.finishedTtlSec, randomUUID()]),
    );
    if (reply !== -1 && reply !== 0 && reply !== 1)
      throw new StateError(`control ${op} ${target} replied ${reply}`);
    return reply;
  }

  /** true when applied; false when the job's state does not allow it; JobNotFoundError for an unknown id. */
  async function onJob(op: JobOp, id: string): Promise<boolean> {
    const reply = await control(op, id);
    if (reply === -1) throw new JobNotFoundError(id);
    core.log.debug({ id, op, applied: reply === 1 }, "job control");
    return reply === 1;
  }

  return {
    /** Takes a queued, delayed or running job out of dispatch (a running job's lease ends: its heartbeat fails). */
    pauseJob: (id: string) => onJob("pause", id),
    resumeJob: (id: string) => onJob("resume", id),
    /** Ends an open job for good; a running job's holder learns it from its next heartbeat. */
    cancel: (id: string) => onJob("cancel", id),
    /** Runs a needs-human job again with fresh attempts, or a delayed/paused job now. */
    retryNow: (id: string) => onJob("retry", id),
    async setPriority(id: string, priority: Priority): Promise<boolean> {
      const reply = await control("priority", id, String(priorityRank(priority)), priority);
      if (reply === -1) throw new JobNotFoundError(id);
      return reply === 1;
    },
    /** Claims for the role return nothing until it is resumed; running jobs continue. */
    async pauseRole(role: RoleName): Promise<void> {
      await control("pause-role", role);
    },
    /** Resumes the role and wakes its blocked waiters. */
    async resumeRole(role: RoleName): Promise<void> {
      await control("resume-role", role);
    },
  };
}

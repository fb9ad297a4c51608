// What the lane commands share: the PRP's state, its open job, and handing a message to the lane's
// control channel (the supervisor holding the lane applies it, now or when the lane is picked up again).
import type { ControlMessage } from "../../state/index.js";
import { CommandFailedError } from "../errors.js";
import type { PrpState } from "../prp-state.js";
import { currentState } from "../transition.js";
import type { From } from "../transitions.js";
import type { CommandContext, CommandResult } from "./command.js";

/** States in which a lane runs (or will, once claimed): a message waits for it. */
const LANE_STATES: readonly From[] = ["queued", "active", "waiting", "paused"];

export async function prpState(ctx: CommandContext, issue: number): Promise<From> {
  const labels = ctx.where.number === issue ? ctx.where.labels : undefined;
  return (await currentState(ctx.deps.store, issue, labels)).state;
}

/** The PRP's job, when it has one that is not finished. */
export async function openJob(ctx: CommandContext, issue: number) {
  const { jobId } = await ctx.deps.store.readPrpRecord(issue);
  const job = jobId ? await ctx.deps.store.findJob(jobId) : null;
  return job && job.state !== "done" && job.state !== "cancelled" ? job : null;
}

export function stateWord(state: From): string {
  return state === null ? "not a PRP Lanes tracks" : `\`lanes:${state}\``;
}

/** Queues `message` for the PRP's lane; refuses when no lane runs or will run for it. */
export async function sendToLane(
  ctx: CommandContext,
  message: ControlMessage,
  allowed: readonly From[] = LANE_STATES,
): Promise<{ issue: number; state: PrpState }> {
  const issue = await ctx.prp();
  const state = await prpState(ctx, issue);
  if (state === null || !allowed.includes(state))
    throw new CommandFailedError(`#${issue} is ${stateWord(state)}: no lane takes \`${message.op}\` now.`);
  await ctx.deps.store.publishControl(String(issue), {
    id: ctx.commandId,
    actor: ctx.actor,
    at: ctx.now(),
    message,
  });
  return { issue, state };
}

/** The reply for a message that waits for a lane not started yet. */
export function queuedReply(state: PrpState, what: string): CommandResult {
  return state === "queued" ? { reply: `${what} when its agent starts.` } : {};
}

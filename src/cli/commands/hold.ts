// `lanes hold [prp]` and `lanes unhold <prp>`: local mode's `/lanes hold` — a held PRP's lanes are left out of
// `lanes integrate --ready --stack`, which says so. The holds live in the stack's folder (stack-holds.ts).
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { listLanes } from "../../runner/lane-record.js";
import { openStack, type StackHandle } from "../../runner/stack-control.js";
import {
  addHold,
  HoldSchema,
  holdTarget,
  readHolds,
  removeHold,
  type Hold,
} from "../../runner/stack-holds.js";
import { stackNameFor, stackUser } from "../../runner/stack-paths.js";
import { action, emit, type CliDeps } from "../cli-deps.js";

interface HoldOptions {
  name?: string;
  reason?: string;
  json?: boolean;
}

const TARGET_HELP =
  "the PRP: its id (issue number or backlog id), or a lane's window (developer-12), id or branch";

async function prpOf(stack: StackHandle, target: string): Promise<string> {
  const prp = holdTarget(await listLanes(stack.paths.lanes), target.trim());
  const valid = HoldSchema.shape.prp.safeParse(prp);
  if (!valid.success)
    throw new UsageError(`"${target}" names no lane and is not a PRP id (${valid.error.issues[0]?.message})`);
  return valid.data;
}

const listing = (holds: readonly Hold[]) =>
  holds.length === 0
    ? "no PRP is held"
    : holds
        .map(
          (h) =>
            `held ${h.prp} by ${h.by} at ${new Date(h.at).toISOString()}${h.reason ? `: ${h.reason}` : ""}`,
        )
        .join("\n");

export function registerHold(program: Command, ctx: CliDeps): void {
  program
    .command("hold")
    .description(
      "keep a PRP's lanes out of `lanes integrate --ready --stack` until `lanes unhold` (local mode; on GitHub comment /lanes hold); without a PRP, list the holds",
    )
    .argument("[prp]", TARGET_HELP)
    .option("--reason <text>", "why, shown by `lanes integrate` when it skips the lane")
    .option("--name <name>", "stack name (default: from the repository directory)")
    .option("--json", "print the result as JSON")
    .action(
      action(ctx, async (target: string | undefined, opts: HoldOptions) => {
        const stack = await openStack(ctx.env, stackNameFor(ctx.cwd, opts.name));
        if (target === undefined) {
          const holds = await readHolds(stack.paths.holds);
          emit(ctx, { holds }, { json: opts.json, human: (v) => listing(v.holds) });
          return 0;
        }
        const hold: Hold = {
          prp: await prpOf(stack, target),
          by: stackUser(ctx.env),
          at: Date.now(),
          ...(opts.reason ? { reason: opts.reason.slice(0, 500) } : {}),
        };
        const added = await addHold(stack.paths.holds, hold);
        emit(
          ctx,
          { prp: hold.prp, held: true, added },
          {
            json: opts.json,
            human: (v) =>
              v.added
                ? `held ${v.prp}: \`lanes integrate --ready --stack\` leaves its lanes out until \`lanes unhold ${v.prp}\``
                : `${v.prp} was already held`,
          },
        );
        return 0;
      }),
    );
}

export function registerUnhold(program: Command, ctx: CliDeps): void {
  program
    .command("unhold")
    .description("release a PRP held with `lanes hold`: its lanes are integrated again once their gates pass")
    .argument("<prp>", TARGET_HELP)
    .option("--name <name>", "stack name (default: from the repository directory)")
    .option("--json", "print the result as JSON")
    .action(
      action(ctx, async (target: string, opts: HoldOptions) => {
        const stack = await openStack(ctx.env, stackNameFor(ctx.cwd, opts.name));
        const prp = await prpOf(stack, target);
        const released = await removeHold(stack.paths.holds, prp);
        emit(
          ctx,
          { prp, held: false, released },
          { json: opts.json, human: (v) => (v.released ? `released ${v.prp}` : `${v.prp} was not held`) },
        );
        return released ? 0 : 1;
      }),
    );
}

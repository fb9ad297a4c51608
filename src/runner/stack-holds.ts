// Holds in local mode: `lanes hold <prp>` keeps a PRP's lanes out of `lanes integrate --ready --stack`, as the
// `lanes-hold` label (`/lanes hold`) does on GitHub. One JSON file in the stack's folder, so a hold outlasts
// the stack's supervisor and Redis (integration often runs after `stack down`) and integrate reads it
// without opening Redis.
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import * as z from "zod";
import { StackError } from "./errors.js";
import type { LaneRecord } from "./lane-record.js";

export const HoldSchema = z.object({
  /** The PRP id (issue number or backlog id) its lanes carry (`issue` in the lane record). */
  prp: z.string().regex(/^[\w.-]{1,100}$/, "a PRP id: letters, digits, '.', '_' or '-'"),
  by: z.string(),
  at: z.number(),
  reason: z.string().max(500).optional(),
});
export type Hold = z.infer<typeof HoldSchema>;

const HoldsFileSchema = z.object({ holds: z.array(HoldSchema) });

export async function readHolds(file: string): Promise<Hold[]> {
  if (!existsSync(file)) return [];
  const text = await readFile(file, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StackError(`${file} is not JSON; fix or remove it (it lists the held PRPs)`, { cause: error });
  }
  const parsed = HoldsFileSchema.safeParse(value);
  if (!parsed.success)
    throw new StackError(`${file} is not a list of holds (${parsed.error.issues[0]?.message ?? "invalid"})`);
  return parsed.data.holds;
}

async function writeHolds(file: string, holds: readonly Hold[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ holds }, null, 2)}\n`);
  await rename(tmp, file);
}

/** Holds a PRP; holding one already held keeps the first hold. Returns whether it is new. */
export async function addHold(file: string, hold: Hold): Promise<boolean> {
  const valid = HoldSchema.parse(hold);
  const holds = await readHolds(file);
  if (holds.some((h) => h.prp === valid.prp)) return false;
  await writeHolds(file, [...holds, valid]);
  return true;
}

/** Releases a PRP; false when it was not held. */
export async function removeHold(file: string, prp: string): Promise<boolean> {
  const holds = await readHolds(file);
  const kept = holds.filter((h) => h.prp !== prp);
  if (kept.length === holds.length) return false;
  await writeHolds(file, kept);
  return true;
}

/**
 * The PRP a `lanes hold` target names: a lane's window (`developer-12`), lane id or branch, else the target
 * itself as a PRP id (a PRP may be held before any lane works on it).
 */
export function holdTarget(lanes: readonly LaneRecord[], target: string): string {
  const lane = lanes.find((l) => l.window === target || l.id === target || l.branch === target);
  return lane ? String(lane.issue) : target;
}

/** Why a held lane was left out, for `lanes integrate`. */
export function heldReason(hold: Hold): string {
  const why = hold.reason ? `: ${hold.reason}` : "";
  return `held by ${hold.by}${why} (\`lanes unhold ${hold.prp}\` releases it)`;
}

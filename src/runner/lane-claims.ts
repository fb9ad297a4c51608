// A claim is kept on disk from the moment the queue hands it out until its lane record exists. Opening a
// lane (worktree, brief, agent window) takes seconds under load; a supervisor that dies meanwhile is
// followed by one that opens the lane with the same lease, instead of the job staying leased to nobody
// until the lease expires (a minute lost, and an attempt spent). Never holds anything but the claim.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as z from "zod";
import type { LaneJob, LaneLease } from "./job-port.js";
import { LaneLeaseSchema } from "./lane-record.js";
import type { StackPaths } from "./stack-paths.js";

const ClaimSchema = z.object({
  job: z.object({
    id: z.string(),
    issue: z.union([z.number(), z.string()]),
    role: z.string(),
    title: z.string(),
    kind: z.string(),
    payload: z.record(z.string(), z.unknown()),
    attempts: z.number(),
    maxAttempts: z.number(),
  }),
  lease: LaneLeaseSchema,
});
export interface PendingClaim {
  job: LaneJob;
  lease: LaneLease;
}

const claimsDir = (paths: StackPaths): string => join(paths.dir, "claims");
const claimFile = (paths: StackPaths, id: string): string =>
  join(claimsDir(paths), `${id.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);

export async function keepClaim(paths: StackPaths, claim: PendingClaim): Promise<void> {
  const file = claimFile(paths, claim.job.id);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(claim));
  await rename(tmp, file);
}

export async function dropClaim(paths: StackPaths, id: string): Promise<void> {
  await rm(claimFile(paths, id), { force: true });
}

/** Claims whose lane was never recorded; an unreadable file is dropped (it holds no lease worth keeping). */
export async function pendingClaims(paths: StackPaths): Promise<PendingClaim[]> {
  const dir = claimsDir(paths);
  if (!existsSync(dir)) return [];
  const claims: PendingClaim[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".json"))) {
    const file = join(dir, name);
    try {
      claims.push(ClaimSchema.parse(JSON.parse(await readFile(file, "utf8"))));
    } catch {
      await rm(file, { force: true });
    }
  }
  return claims;
}

// A stack's own record (stack.json): what `stack up` decided, so `status`, `down`, `resume`, `say`
// and the supervisor inside the stack agree on repo, roles, agent kind and where Redis is.
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import * as z from "zod";
import { BudgetsSchema, PermissionRulesSchema, PriceSchema } from "../config/usage-schema.js";
import { RoleNameSchema } from "../domain/role-names.js";
import { StackError } from "./errors.js";

export const StackRecordSchema = z.object({
  name: z.string(),
  repo: z.string(),
  /** owner/repo when GitHub is configured; a local label otherwise. */
  repoSlug: z.string(),
  base: z.string(),
  worktreeRoot: z.string(),
  roles: z.array(RoleNameSchema).min(1),
  /** Model per role (role config, else the role's default). */
  models: z.record(z.string(), z.string()).default({}),
  agents: z.number().int().positive(),
  agent: z.enum(["claude", "script"]),
  backlog: z.string().optional(),
  redisUrl: z.string(),
  /** The stack runs its own redis-server (no Redis was given): `stack down` stops it, `resume` restarts it. */
  redisManaged: z.boolean().default(false),
  prefix: z.string(),
  hostName: z.string(),
  leaseMs: z.number().int().positive().default(60_000),
  tickMs: z.number().int().positive().default(5_000),
  maxRestarts: z.number().int().min(0).default(3),
  commitEveryMinutes: z.number().int().positive().default(30),
  organisation: z.string().default(""),
  remote: z.string().optional(),
  /** lanes.yml `permissions`, then each role's own `roles.<role>.permissions`. */
  permissions: PermissionRulesSchema.prefault({}),
  rolePermissions: z.record(z.string(), PermissionRulesSchema).default({}),
  /** lanes.yml `runner.sandboxed`: agents run with bypassPermissions. */
  sandboxed: z.boolean().default(false),
  /** lanes.yml `prices` (USD per million tokens by model) and `budgets`. */
  prices: z.record(z.string(), PriceSchema).default({}),
  budgets: BudgetsSchema.prefault({}),
  createdAt: z.number(),
});
export type StackRecord = z.infer<typeof StackRecordSchema>;
export type StackRecordInput = z.input<typeof StackRecordSchema>;

export async function writeStackRecord(file: string, record: StackRecordInput): Promise<StackRecord> {
  const parsed = StackRecordSchema.parse(record);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(parsed, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  return parsed;
}

export async function readStackRecord(file: string, name: string): Promise<StackRecord> {
  if (!existsSync(file))
    throw new StackError(
      `no stack named "${name}" on this host; start one with \`lanes stack up --name ${name}\``,
    );
  const parsed = StackRecordSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success)
    throw new StackError(
      `the record of stack "${name}" (${file}) is unreadable; run \`lanes stack down --name ${name}\` and start it again`,
    );
  return parsed.data;
}

// The fifteen roles of DESIGN §2, in the order teams list them: words every layer shares (the Redis job
// record, PRPs, config). Briefs, models and paths live in config/roles.ts.
import * as z from "zod";

export const ROLE_NAMES = [
  "orchestrator",
  "pm",
  "developer",
  "tester",
  "testrunner",
  "researcher",
  "devops",
  "sysadmin",
  "securityops",
  "networkops",
  "monitoringops",
  "databaseops",
  "documentation_writer",
  "logtracker",
  "integrator",
] as const;

export const RoleNameSchema = z.enum(ROLE_NAMES);
export type RoleName = z.infer<typeof RoleNameSchema>;

export function isRoleName(value: string): value is RoleName {
  return (ROLE_NAMES as readonly string[]).includes(value);
}

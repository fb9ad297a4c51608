// The default integration order of roles: backend (data, code, infrastructure) before frontend-facing
// and documentation work, tests last. Config can replace it; unknown roles go after every listed one.
export const DEFAULT_ROLE_ORDER: readonly string[] = [
  "databaseops",
  "developer",
  "devops",
  "sysadmin",
  "networkops",
  "securityops",
  "monitoringops",
  "logtracker",
  "researcher",
  "integrator",
  "pm",
  "orchestrator",
  "documentation_writer",
  "tester",
  "testrunner",
];

/** Position of a role in the order; roles not listed (or absent) sort last. */
export function roleRank(roleOrder: readonly string[], role: string | undefined): number {
  const at = role === undefined ? -1 : roleOrder.indexOf(role);
  return at === -1 ? roleOrder.length : at;
}

// The integration order of roles. The default is the roles' own order from config (infrastructure and
// data, then code, then tests and docs: backend before frontend before tests); `.github/lanes.yml`
// `integration.order` replaces it. Unknown roles go after every listed one.
import { rolesInIntegrationOrder } from "../config/roles.js";

export const DEFAULT_ROLE_ORDER: readonly string[] = rolesInIntegrationOrder();

/** Position of a role in the order; roles not listed (or absent) sort last. */
export function roleRank(roleOrder: readonly string[], role: string | undefined): number {
  const at = role === undefined ? -1 : roleOrder.indexOf(role);
  return at === -1 ? roleOrder.length : at;
}

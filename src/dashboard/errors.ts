// Errors of the dashboard: each says what is wrong and what to do.
import { UsageError } from "../errors.js";

/** The dashboard's settings are unsafe or wrong, e.g. bound beyond loopback without an access token (exit 2). */
export class DashboardConfigError extends UsageError {
  override name = "DashboardConfigError";
}

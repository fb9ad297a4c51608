// Errors of the CLI itself (not of a command's area): mapped to exit codes in exit-code.ts.
import { UsageError } from "../errors.js";

/** An environment setting the CLI reads has a value it cannot use (exit code 2, like a bad flag). */
export class EnvSettingError extends UsageError {
  override name = "EnvSettingError";
}

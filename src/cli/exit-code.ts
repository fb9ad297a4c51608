// The one place where errors become exit codes and one-line messages (never a stack trace).
import { CommanderError } from "commander";
import { InvalidInputError, LanesError, UsageError, errorMessage } from "../errors.js";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface ExitReport {
  code: number;
  /** What to print on stderr; empty when commander already printed it. */
  message: string;
}

export function exitReportFor(error: unknown): ExitReport {
  if (error instanceof CommanderError) {
    if (
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version" ||
      error.code === "commander.help"
    ) {
      return { code: EXIT_OK, message: "" };
    }
    return { code: EXIT_USAGE, message: "" };
  }
  if (error instanceof UsageError) return { code: EXIT_USAGE, message: `lanes: ${error.message}` };
  if (error instanceof InvalidInputError) return { code: EXIT_FAILED, message: `lanes: ${error.message}` };
  if (error instanceof LanesError) return { code: EXIT_FAILED, message: `lanes: ${error.message}` };
  return { code: EXIT_FAILED, message: `lanes: unexpected error: ${errorMessage(error)}` };
}

// Errors of the App: settings it cannot start with, and transitions it cannot apply.
import { LanesError } from "../errors.js";

/** A `lanes serve` setting is missing or wrong; the message names it in one line. */
export class AppConfigError extends LanesError {
  override name = "AppConfigError";
}

/** A state transition kept losing its compare-and-set to concurrent ones. */
export class TransitionConflictError extends LanesError {
  override name = "TransitionConflictError";
}

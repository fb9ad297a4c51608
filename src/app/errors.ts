// Errors of the App: settings it cannot start with, and transitions it cannot apply.
import { LanesError, UsageError } from "../errors.js";

/** A `lanes serve` setting is missing or wrong; the message names it in one line (exit code 2). */
export class AppConfigError extends UsageError {
  override name = "AppConfigError";
}

/** A state transition kept losing its compare-and-set to concurrent ones. */
export class TransitionConflictError extends LanesError {
  override name = "TransitionConflictError";
}

/** An alert could not be delivered to an outgoing webhook (no secret, no answer, or not 2xx). */
export class AlertDeliveryError extends LanesError {
  override name = "AlertDeliveryError";
}

/** A `/lanes` command could not be carried out; the message is the reply its author reads. */
export class CommandFailedError extends LanesError {
  override name = "CommandFailedError";
}

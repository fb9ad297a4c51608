// The base of every Lanes error: a message that tells the user what to do, plus where it happened.
// Each area keeps its own subclasses in its `errors.ts`; the CLI maps classes to exit codes in one place.

export interface LanesErrorOptions {
  cause?: unknown;
  /** Structured context for logs (never secrets): file, line, key, url … */
  context?: Record<string, unknown>;
}

export class LanesError extends Error {
  override name = "LanesError";
  readonly context: Record<string, unknown>;

  constructor(message: string, options: LanesErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.context = options.context ?? {};
  }
}

/** The user asked for something the command does not accept (exit code 2). */
export class UsageError extends LanesError {
  override name = "UsageError";
}

/** Input was read but is not valid: a PRP, a config file, a graph (exit code 1). */
export class InvalidInputError extends LanesError {
  override name = "InvalidInputError";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Errors the sandbox answers with: each becomes GitHub's JSON error shape and status code.
import { LanesError } from "../errors.js";
import type { SchemaProblem } from "./validate-schema.js";

export const DOCS_URL = "https://docs.github.com/rest";

/** An HTTP error the sandbox returns the way GitHub would: `{message, errors?, documentation_url, status}`. */
export class SandboxHttpError extends LanesError {
  override name = "SandboxHttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly errors: readonly unknown[] = [],
  ) {
    super(message, { context: { status } });
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors.length > 0 ? { errors: this.errors } : {}),
      documentation_url: DOCS_URL,
      status: String(this.status),
    };
  }
}

export const notFound = (): SandboxHttpError => new SandboxHttpError(404, "Not Found");

export function validationFailed(problems: readonly SchemaProblem[]): SandboxHttpError {
  const text = problems.map((p) => p.message).join("\n");
  return new SandboxHttpError(
    422,
    `Invalid request.\n\n${text}`,
    problems.map((p) => ({ resource: "Request", field: p.field, code: p.code, message: p.message })),
  );
}

/** A request that is well-formed but refers to something that does not exist or cannot be done. */
export function unprocessable(message: string, field?: string): SandboxHttpError {
  return new SandboxHttpError(
    422,
    message,
    field ? [{ resource: "Request", field, code: "invalid", message }] : [],
  );
}

/** The sandbox could not start or a seed was inconsistent. */
export class SandboxSetupError extends LanesError {
  override name = "SandboxSetupError";
}

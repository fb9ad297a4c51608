// Errors from the GitHub port: every failed request keeps its HTTP status and the port operation
// that made it, so callers can branch on 404 / 403 / 422 and users read what failed and where.
import { LanesError } from "../errors.js";

export class GitHubRequestError extends LanesError {
  override name = "GitHubRequestError";
  constructor(
    readonly operation: string,
    /** HTTP status GitHub answered with (0 when no answer was received). */
    readonly status: number,
    message: string,
    options: { cause?: unknown; documentationUrl?: string } = {},
  ) {
    super(`GitHub ${operation} failed with ${status === 0 ? "no response" : `HTTP ${status}`}: ${message}`, {
      cause: options.cause,
      context: { operation, status, documentationUrl: options.documentationUrl },
    });
  }
}

/** The GitHub port was configured wrongly (bad auth options, bad base URL). */
export class GitHubConfigError extends LanesError {
  override name = "GitHubConfigError";
}

/** Octokit's RequestError (name "HttpError"), recognised by shape so no second copy of its class matters. */
interface OctokitHttpError {
  name: string;
  status: number;
  message: string;
  response?: { data?: unknown };
}

function isHttpError(error: unknown): error is OctokitHttpError {
  return (
    error instanceof Error &&
    error.name === "HttpError" &&
    typeof (error as { status?: unknown }).status === "number"
  );
}

function documentationUrl(error: OctokitHttpError): string | undefined {
  const data = error.response?.data;
  return typeof data === "object" && data !== null && "documentation_url" in data
    ? String(data.documentation_url)
    : undefined;
}

/** Converts whatever Octokit threw into a GitHubRequestError for the given port operation. */
export function toGitHubError(operation: string, error: unknown): GitHubRequestError {
  if (error instanceof GitHubRequestError) return error;
  if (isHttpError(error)) {
    return new GitHubRequestError(operation, error.status, error.message, {
      cause: error,
      documentationUrl: documentationUrl(error),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GitHubRequestError(operation, 0, message, { cause: error });
}

export function isStatus(error: unknown, status: number): boolean {
  return (error instanceof GitHubRequestError || isHttpError(error)) && error.status === status;
}

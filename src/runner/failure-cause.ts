// Why an agent died, from the last lines of its pane: not logged in, cannot reach the service, usage
// limit, or a plain crash. Pure. The lines are sanitised here, so they can be shown anywhere as they are.
import { sanitizeText } from "../text/sanitize.js";

export const FAILURE_CAUSES = ["not-logged-in", "no-network", "usage-limit", "crash"] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

export interface Diagnosis {
  cause: FailureCause;
  /** False when restarting cannot help (a login, the network): the lane stops at once and says so. */
  retryable: boolean;
  /** One line for a person: what happened and what to do. */
  summary: string;
  /** The pane's last non-empty lines, sanitised (may be empty). */
  lastLines: string;
}

/** How many of the pane's last lines are kept with the job. */
export const LAST_LINES = 15;

const PATTERNS: readonly { cause: Exclude<FailureCause, "crash">; pattern: RegExp }[] = [
  {
    cause: "not-logged-in",
    pattern:
      /not logged in|please run \/login|run `?claude login|invalid api key|authentication_error|oauth token (?:has )?expired|missing api key|credit balance is too low/i,
  },
  {
    cause: "no-network",
    pattern:
      /unable to connect to anthropic|cannot reach|could not connect|connection (?:refused|error|timed out)|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|getaddrinfo|network (?:error|is unreachable)|fetch failed/i,
  },
  { cause: "usage-limit", pattern: /usage limit|limit reached|limit will reset|rate limit/i },
];

const SUMMARIES: Record<FailureCause, string> = {
  "not-logged-in":
    "the agent is not logged in; run `claude` once on this host and log in (or set ANTHROPIC_API_KEY), then `lanes queue retry`",
  "no-network":
    "the agent cannot reach its service (network, proxy or DNS); restore the connection, then `lanes queue retry`",
  "usage-limit": "the agent stopped at its usage limit",
  crash: "the agent crashed",
};

/** The last `count` non-empty lines of pane text, sanitised, each cut to 300 characters. */
export function lastLinesOf(paneText: string, count = LAST_LINES): string {
  return sanitizeText(paneText, { tabs: false })
    .split("\n")
    .map((line) => line.trimEnd().slice(0, 300))
    .filter((line) => line.trim() !== "")
    .slice(-count)
    .join("\n");
}

/** Reads the cause from what the pane last showed; `exit` is the pane's exit status when known. */
export function diagnose(paneText: string, exit?: string): Diagnosis {
  const lastLines = lastLinesOf(paneText);
  const cause = PATTERNS.find((p) => p.pattern.test(lastLines))?.cause ?? "crash";
  const status = exit === undefined ? "" : ` (exit status ${exit})`;
  return {
    cause,
    retryable: cause !== "not-logged-in" && cause !== "no-network",
    summary: `${SUMMARIES[cause]}${cause === "crash" ? status : ""}`,
    lastLines,
  };
}

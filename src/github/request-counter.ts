// Counts every HTTP request the port makes (retries included), per operation ("GET /repos/{owner}/{repo}/issues/{issue_number}"),
// in memory and, when a prom-client Registry is given, as the counter lanes_github_requests_total.
import { Counter, type Registry } from "prom-client";

export interface RequestCounter {
  inc(operation: string): void;
  /** Requests so far, keyed by operation. */
  counts(): Record<string, number>;
  /** Reads answered from the ETag cache with 304 Not Modified (free against the rate limit). */
  notModified(): number;
  incNotModified(): void;
}

const METRIC = "lanes_github_requests_total";

export function createRequestCounter(registry?: Registry): RequestCounter {
  const counts = new Map<string, number>();
  let notModified = 0;
  // several ports (one per App installation) share one registry, hence one counter
  const metric = registry
    ? ((registry.getSingleMetric(METRIC) as Counter<"operation"> | undefined) ??
      new Counter({
        name: METRIC,
        help: "HTTP requests made to the GitHub API, by operation",
        labelNames: ["operation"],
        registers: [registry],
      }))
    : undefined;
  return {
    inc(operation) {
      counts.set(operation, (counts.get(operation) ?? 0) + 1);
      metric?.inc({ operation });
    },
    counts: () => Object.fromEntries(counts),
    notModified: () => notModified,
    incNotModified: () => void notModified++,
  };
}

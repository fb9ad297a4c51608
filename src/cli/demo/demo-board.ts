// The demo's integration on the dashboard: `lanes integrate` runs in a CI-like checkout with no Redis, so
// the demo reports each integration through the state API (the same record a runner writes), and the
// dashboard `lanes serve` mounts shows it. Gate results need nothing here: they reach Redis through the
// App's check_run handler, as on GitHub.
import type { Logger } from "../../observe/logger.js";
import { openStateStore } from "../../state/index.js";
import type { DemoIntegration } from "./demo-report.js";

export async function recordOnBoard(
  redisUrl: string,
  repo: string,
  integration: DemoIntegration,
  log: Logger,
): Promise<void> {
  const store = await openStateStore({ url: redisUrl, repo, log });
  try {
    await store.recordIntegration(
      {
        at: Date.now(),
        branch: integration.branch,
        pr: integration.pr,
        merged: integration.merged,
        lanes: integration.lanes,
        conflicts: integration.conflicts,
        validation: integration.validation,
      },
      "lanes demo",
    );
  } finally {
    await store.quit();
  }
}

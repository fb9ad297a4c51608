// Queues developer jobs for script agents: each lane writes and commits `steps` files with a pause
// before each commit, so a test can hurt the stack while lanes are mid-work.
import type { OpenedStateStore } from "../../src/state/index.js";

export interface ScriptJobs {
  /** Job id → the commit subjects its lane must end with, oldest first. */
  commits: Map<string, string[]>;
}

export async function enqueueScriptJobs(
  store: Pick<OpenedStateStore, "enqueue">,
  repo: string,
  options: { jobs: number; steps: number; pauseMs: number },
): Promise<ScriptJobs> {
  const commits = new Map<string, string[]>();
  for (let issue = 1; issue <= options.jobs; issue++) {
    const id = `job-${issue}`;
    const subjects = Array.from({ length: options.steps }, (_, i) => `Lane ${issue} step ${i + 1}`);
    commits.set(id, subjects);
    await store.enqueue({
      id,
      repo,
      issue,
      role: "developer",
      title: `Lane ${issue}`,
      payload: {
        prp: {
          criteria: [`lane ${issue} is built once`],
          script: subjects.flatMap((subject, i): Record<string, string | number>[] => [
            { sleep: options.pauseMs },
            { write: `work/lane-${issue}-step-${i + 1}.txt`, content: `${issue}.${i + 1}\n` },
            { commit: subject },
          ]),
        },
      },
    });
  }
  return { commits };
}

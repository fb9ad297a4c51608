// Which Actions runner this host is, and whether it carries the `lanes` label the stack workflow asks for.
// The runner's name is in the job's environment (RUNNER_NAME) or its `.runner` file (agentName, written by
// config.sh); its labels are kept by GitHub only — neither the file nor the runner context has them
// (actions/runner#821) — so they are read from the API (GET /repos/{o}/{r}/actions/runners).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import type { RepoRef } from "../../github/index.js";
import { parseRepoName } from "../../text/repo-name.js";
import type { DoctorCheck } from "./doctor-check.js";

export const LANES_LABEL = "lanes";

const RunnerFileSchema = z.object({ agentName: z.string().min(1), gitHubUrl: z.string().optional() });

interface RunnerIdentity {
  name: string;
  repo: RepoRef | undefined;
  where: string;
}

/** owner/repo of a runner registered on a repository (`https://github.com/owner/repo`); undefined for an org runner. */
function repoOfUrl(url: string | undefined): RepoRef | undefined {
  const path = url ? /^https?:\/\/[^/]+\/([^/]+\/[^/]+?)\/?$/.exec(url)?.[1] : undefined;
  return path ? parseRepoName(path) : undefined;
}

async function identify(
  env: NodeJS.ProcessEnv,
  runnerDir: string | undefined,
): Promise<RunnerIdentity | string | undefined> {
  const fromEnv = env.GITHUB_REPOSITORY ? parseRepoName(env.GITHUB_REPOSITORY) : undefined;
  if (runnerDir) {
    const file = join(runnerDir, ".runner");
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      return `${file} cannot be read: is ${runnerDir} a configured runner (./config.sh)?`;
    }
    // config.sh writes the file with a byte order mark
    const parsed = RunnerFileSchema.safeParse(JSON.parse(text.replace(/^\uFEFF/, "")));
    if (!parsed.success) return `${file} names no runner (agentName)`;
    return { name: parsed.data.agentName, repo: repoOfUrl(parsed.data.gitHubUrl) ?? fromEnv, where: file };
  }
  const name = env.RUNNER_NAME?.trim();
  return name ? { name, repo: fromEnv, where: "RUNNER_NAME" } : undefined;
}

export async function checkRunnerLabels(
  env: NodeJS.ProcessEnv,
  options: {
    runnerDir?: string | undefined;
    /** The repository's runners with their labels (the GitHub port's listRunners); absent without credentials. */
    runners?: ((repo: RepoRef) => Promise<{ name: string; labels: string[] }[]>) | undefined;
  },
): Promise<DoctorCheck> {
  const name = "runner labels";
  if (env.RUNNER_ENVIRONMENT === "github-hosted")
    return {
      name,
      status: "warn",
      detail: `a GitHub-hosted runner (${env.RUNNER_NAME ?? "?"}): a stack needs a self-hosted runner labelled ${LANES_LABEL}`,
    };
  const runner = await identify(env, options.runnerDir);
  if (runner === undefined)
    return {
      name,
      status: "ok",
      detail: "not an Actions runner here (no RUNNER_NAME; --runner-dir names one)",
    };
  if (typeof runner === "string") return { name, status: "warn", detail: runner };
  const how = `add it: Settings → Actions → Runners → ${runner.name} → labels, or ./config.sh --labels ${LANES_LABEL}`;
  if (!runner.repo || !options.runners)
    return {
      name,
      status: "warn",
      detail: `runner ${runner.name} (${runner.where}): its labels are kept by GitHub, not on this host; ${
        runner.repo
          ? "give GitHub credentials (GITHUB_TOKEN with administration: read) to read them"
          : "an organisation runner"
      } — check it has ${LANES_LABEL} (${how})`,
    };
  let labels: string[];
  try {
    const found = (await options.runners(runner.repo)).find((r) => r.name === runner.name);
    if (!found)
      return {
        name,
        status: "warn",
        detail: `runner ${runner.name} is not registered on ${runner.repo.owner}/${runner.repo.repo} (an organisation runner, or removed)`,
      };
    labels = found.labels;
  } catch (error) {
    return {
      name,
      status: "warn",
      detail: `runner ${runner.name}: its labels could not be read (${error instanceof Error ? error.message : String(error)}; needs administration: read) — check it has ${LANES_LABEL}`,
    };
  }
  return labels.includes(LANES_LABEL)
    ? { name, status: "ok", detail: `runner ${runner.name}: ${labels.join(", ")}` }
    : {
        name,
        status: "warn",
        detail: `runner ${runner.name} lacks the label ${LANES_LABEL} (has ${labels.join(", ") || "none"}), so lanes-stack.yml never runs on it; ${how}`,
      };
}

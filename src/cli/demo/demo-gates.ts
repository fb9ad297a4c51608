// The demo's quality gates: what the lanes-gates workflow does on every lane PR — check out the PR head
// and run `lanes gate --all --pr N --publish`, as the App, so every gate becomes a check run.
import { runGit } from "../../git/index.js";
import type { PullRequest } from "../../github/index.js";
import { childJson, runLanesChild } from "./child-cli.js";
import type { DemoGate } from "./demo-report.js";

interface GateRunJson {
  conclusion: "success" | "failure";
  gates: { gate: string; mode: string; conclusion: string; title: string }[];
}

export interface PrGates {
  passed: boolean;
  gates: DemoGate[];
}

export async function gatePullRequest(
  checkout: string,
  pull: PullRequest,
  options: { fullName: string; base: string; env: NodeJS.ProcessEnv },
): Promise<PrGates> {
  await runGit(
    ["fetch", "-q", "origin", `+refs/heads/${pull.head.ref}:refs/remotes/origin/${pull.head.ref}`],
    { cwd: checkout, env: options.env },
  );
  await runGit(["checkout", "-q", "--detach", pull.head.sha], { cwd: checkout, env: options.env });
  const run = await runLanesChild(
    [
      "gate",
      "--all",
      "--pr",
      String(pull.number),
      "--publish",
      "--github-repo",
      options.fullName,
      "--dir",
      checkout,
      "--base",
      options.base,
      "--json",
    ],
    { env: options.env, cwd: checkout },
  );
  const report = childJson<GateRunJson>(`lanes gate --pr ${pull.number}`, run);
  const gates = report.gates.map(({ gate, mode, conclusion, title }) => ({ gate, mode, conclusion, title }));
  return { passed: report.conclusion === "success", gates };
}

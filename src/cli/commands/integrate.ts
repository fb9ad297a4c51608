// `lanes integrate`: orders the given lane branches, or with --ready every lane whose required gates
// succeeded (check runs on GitHub, or local gate records of a --stack), merges them onto the base (role order
// and validation from .github/lanes.yml at the base, PRP facts from --backlog), validates the result and
// writes lanes/integration/<date> — never over an existing one unless its open PR is being updated;
// --open-pr pushes it and opens or updates its PR, --push only pushes, --redis requeues resolve jobs.
// `--dry-run` prints the plan and writes nothing.
import type { Command } from "commander";
import { action, type CliDeps } from "../cli-deps.js";
import { PROGRESS_HELP } from "../progress/progress.js";
import { githubRepoOption } from "./github-repo-option.js";
import { runIntegrate } from "./integrate-action.js";
import { parseIntegrateOptions } from "./integrate-options.js";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerIntegrate(program: Command, ctx: CliDeps): void {
  program
    .command("integrate")
    .description(
      "merge finished lanes in dependency order with git merge-tree, validate, and write lanes/integration/<date>",
    )
    .option("--repo <dir>", "the repository (default: the current directory)")
    .option("--base <ref>", "the branch the lanes are integrated onto", "main")
    .option("--branches <a,b,c>", "the lane branches to integrate, comma-separated")
    .option(
      "--ready",
      "integrate every lane whose required gates succeeded and that nobody holds: open lane PRs on GitHub (--github-repo; /lanes hold), or the lanes of a local --stack (lanes hold)",
    )
    .option(
      "--stack <name>",
      "with --ready: the local stack whose lanes to take (gate results from lanes gate --all --branch; PRPs held with lanes hold are left out)",
    )
    .option("--validate <command>", "a validation command run on the combined result (repeatable)", collect)
    .option("--validate-timeout <seconds>", "time limit per validation command (default 600)")
    .option("--date <yyyy-mm-dd>", "the date in the integration branch name (default: today, UTC)")
    .option(
      "--backlog <dir>",
      "a folder of PRP files: title, priority, dependencies and validation of each lane by the id in its branch",
    )
    .option(
      "--open-pr",
      "push the integration branch and open (or update) its pull request; needs --github-repo and GITHUB_TOKEN",
    )
    .option("--push", "push the integration branch to --remote (no pull request)")
    .addOption(
      githubRepoOption("the GitHub repository for --ready, --open-pr and --redis (API at GITHUB_API_URL)"),
    )
    .option("--remote <name>", "the git remote --open-pr and --push push to", "origin")
    .option("--redis <url>", "send conflicting and culprit lanes back as resolve jobs through this Redis")
    .option("--max-resolve-attempts <n>", "resolve attempts per lane before it goes to needs-human", "2")
    .option("--dry-run", "print the plan (order, overlaps, predicted conflicts) and write nothing")
    .option("--json", "print the plan or result as JSON")
    .addHelpText("after", PROGRESS_HELP)
    .action(action(ctx, (raw: unknown) => runIntegrate(ctx, parseIntegrateOptions(raw))));
}

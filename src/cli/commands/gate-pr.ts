// `lanes gate --pr N`: the lane's PRP, PR body and merged dependencies read from GitHub through the port,
// with a `--prp FILE` (when given) overriding the PRP the PR links.
import * as z from "zod";
import { UsageError } from "../../errors.js";
import { mergedDependencies, resolvePrFacts, type PrFacts } from "../../gates/pr-facts.js";
import type { GatePrp } from "../../gates/types.js";
import type { GitHubPort, RepoRef } from "../../github/github-port.js";

/** Digits only: Number() alone would take "0x10" or "1e2" as a PR number. */
const PrNumberSchema = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive());

export function prNumber(value: string): number {
  const parsed = PrNumberSchema.safeParse(value);
  if (!parsed.success)
    throw new UsageError(`--pr expects a pull request number (e.g. --pr 12); got "${value}"`);
  return parsed.data;
}

/** The PR's facts; `filePrp` (from --prp) replaces the linked PRP, and its dependencies are looked up instead. */
export async function gatePrFacts(
  port: GitHubPort,
  repo: RepoRef,
  pr: number,
  branchPattern: string,
  filePrp: GatePrp | undefined,
): Promise<PrFacts> {
  const facts = await resolvePrFacts(port, repo, pr, { branchPattern });
  if (!filePrp) return facts;
  const prp = { ...filePrp, id: filePrp.id ?? facts.prp.id };
  return {
    ...facts,
    prp,
    prpProblem: undefined,
    validationWithheld: undefined,
    mergedPrpIds: await mergedDependencies(port, repo, filePrp.dependsOn ?? []),
  };
}

// Check runs: GitHub takes at most 50 annotations per request, so the first 50 go with the create
// (or first update) and the rest follow in updates of 50 each.
import type {
  Annotation,
  CheckRun,
  CheckRunInput,
  CheckRunOutput,
  CheckRunUpdate,
  GitHubPort,
} from "./github-port.js";
import { call, type PortDeps } from "./port-deps.js";

export const ANNOTATIONS_PER_REQUEST = 50;

function batches(annotations: readonly Annotation[]): Annotation[][] {
  const out: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    out.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return out;
}

function rawOutput(output: CheckRunOutput, annotations: readonly Annotation[] | undefined) {
  return {
    title: output.title,
    summary: output.summary,
    ...(output.text !== undefined ? { text: output.text } : {}),
    ...(annotations && annotations.length > 0
      ? {
          annotations: annotations.map((a) => ({
            path: a.path,
            start_line: a.startLine,
            end_line: a.endLine,
            annotation_level: a.level,
            message: a.message,
            ...(a.title ? { title: a.title } : {}),
          })),
        }
      : {}),
  };
}

function fields(input: CheckRunUpdate, first: readonly Annotation[] | undefined) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.conclusion !== undefined ? { conclusion: input.conclusion } : {}),
    ...(input.detailsUrl !== undefined ? { details_url: input.detailsUrl } : {}),
    ...(input.externalId !== undefined ? { external_id: input.externalId } : {}),
    ...(input.output ? { output: rawOutput(input.output, first) } : {}),
    ...(input.actions ? { actions: input.actions } : {}),
  };
}

function toCheckRun(raw: {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  html_url: string | null;
}): CheckRun {
  return {
    id: raw.id,
    name: raw.name,
    status: raw.status,
    conclusion: raw.conclusion,
    htmlUrl: raw.html_url ?? "",
  };
}

export function checkOperations({
  octokit,
}: PortDeps): Pick<GitHubPort, "createCheckRun" | "updateCheckRun" | "listCheckRuns"> {
  async function sendRest(
    repo: { owner: string; repo: string },
    id: number,
    output: CheckRunOutput | undefined,
    rest: Annotation[][],
  ): Promise<CheckRun | null> {
    let last: CheckRun | null = null;
    for (const batch of rest) {
      if (!output) break;
      const { data } = await octokit.rest.checks.update({
        ...repo,
        check_run_id: id,
        output: rawOutput(output, batch),
      });
      last = toCheckRun(data);
    }
    return last;
  }

  return {
    createCheckRun: (repo, input: CheckRunInput) =>
      call("createCheckRun", async () => {
        const [first, ...rest] = batches(input.output?.annotations ?? []);
        const { data } = await octokit.rest.checks.create({
          ...repo,
          head_sha: input.headSha,
          ...fields(input, first),
          name: input.name,
        });
        return (await sendRest(repo, data.id, input.output, rest)) ?? toCheckRun(data);
      }),
    listCheckRuns: (repo, sha) =>
      call("listCheckRuns", async () =>
        (
          await octokit.paginate(octokit.rest.checks.listForRef, {
            ...repo,
            ref: sha,
            filter: "latest",
            per_page: 100,
          })
        ).map(toCheckRun),
      ),
    updateCheckRun: (repo, checkRunId, input) =>
      call("updateCheckRun", async () => {
        const [first, ...rest] = batches(input.output?.annotations ?? []);
        const { data } = await octokit.rest.checks.update({
          ...repo,
          check_run_id: checkRunId,
          ...fields(input, first),
        });
        return (await sendRest(repo, checkRunId, input.output, rest)) ?? toCheckRun(data);
      }),
  };
}

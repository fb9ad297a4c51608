// Repository-level reads and writes: permission levels, branches, file contents, workflow dispatch.
import type { DispatchedRun, GitHubPort, PermissionLevel } from "./github-port.js";
import { isStatus } from "./errors.js";
import { call, type PortDeps } from "./port-deps.js";

const LEVELS: readonly PermissionLevel[] = ["admin", "maintain", "write", "triage", "read", "none"];

type RepoOps = Pick<
  GitHubPort,
  | "permissionLevel"
  | "branchSha"
  | "listBranches"
  | "createBranch"
  | "updateBranch"
  | "defaultBranch"
  | "readFile"
  | "dispatchWorkflow"
  | "listRunners"
>;

async function orNull<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (isStatus(error, 404)) return null;
    throw error;
  }
}

function runOf(data: unknown): DispatchedRun | null {
  if (typeof data !== "object" || data === null) return null;
  const { workflow_run_id: id, html_url: htmlUrl } = data as {
    workflow_run_id?: unknown;
    html_url?: unknown;
  };
  return typeof id === "number" && typeof htmlUrl === "string" ? { id, htmlUrl } : null;
}

function refusesRunDetails(error: unknown): boolean {
  return (isStatus(error, 400) || isStatus(error, 422)) && /return_run_details/.test(String(error));
}

export function repoOperations({ octokit, etags }: PortDeps): RepoOps {
  return {
    permissionLevel: (repo, username) =>
      call("permissionLevel", async () => {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
        // role_name carries maintain / triage, which `permission` folds into write / read.
        const role = (data as { role_name?: string }).role_name;
        return LEVELS.find((l) => l === role) ?? LEVELS.find((l) => l === data.permission) ?? "none";
      }),
    branchSha: (repo, branch) =>
      call("branchSha", () =>
        orNull(
          async () => (await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha,
        ),
      ),
    listBranches: (repo, prefix) =>
      call("listBranches", async () => {
        const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, {
          ...repo,
          ref: `heads/${prefix}`,
        });
        return refs.map((r) => ({ name: r.ref.slice("refs/heads/".length), sha: r.object.sha }));
      }),
    createBranch: (repo, branch, sha) =>
      call(
        "createBranch",
        async () => void (await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha })),
      ),
    updateBranch: (repo, branch, sha, options = {}) =>
      call(
        "updateBranch",
        async () =>
          void (await octokit.rest.git.updateRef({
            ...repo,
            ref: `heads/${branch}`,
            sha,
            force: options.force ?? false,
          })),
      ),
    defaultBranch: (repo) =>
      call(
        "defaultBranch",
        async () =>
          (
            await etags.read(`repo:${repo.owner}/${repo.repo}`, (headers) =>
              octokit.rest.repos.get({ ...repo, headers }),
            )
          ).default_branch,
      ),
    readFile: (repo, path, ref) =>
      call("readFile", () =>
        orNull(async () => {
          const key = `contents:${repo.owner}/${repo.repo}:${ref ?? ""}:${path}`;
          const data = await etags.read(key, (headers) =>
            octokit.rest.repos.getContent({ ...repo, path, ...(ref ? { ref } : {}), headers }),
          );
          if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
          return Buffer.from(data.content, "base64").toString("utf8");
        }),
      ),
    dispatchWorkflow: (repo, workflow, ref, inputs = {}) =>
      call("dispatchWorkflow", async () => {
        const request = { ...repo, workflow_id: workflow, ref, inputs };
        try {
          const { data } = await octokit.rest.actions.createWorkflowDispatch({
            ...request,
            return_run_details: true,
          });
          return runOf(data);
        } catch (error) {
          // A GitHub Enterprise Server without run details refuses the parameter: dispatch without it.
          if (!refusesRunDetails(error)) throw error;
          await octokit.rest.actions.createWorkflowDispatch(request);
          return null;
        }
      }),
    listRunners: (repo) =>
      call("listRunners", async () => {
        const runners = await octokit.paginate(octokit.rest.actions.listSelfHostedRunnersForRepo, {
          ...repo,
          per_page: 100,
        });
        return runners.map((r) => ({ name: r.name, labels: r.labels.map((l) => l.name) }));
      }),
  };
}

// The App's installation as GitHub shows it: the installation object, and the installation and
// installation_repositories webhooks GitHub sends when the App is installed or gains a repository.
import type { WebhookSender } from "./webhook-sender.js";
import { renderUser } from "./render-resources.js";
import type { SandboxRepo, SandboxState, SandboxUser } from "./state.js";

/** What the sandbox installation may do; every installation token carries these. */
export const INSTALLATION_PERMISSIONS = {
  issues: "write",
  pull_requests: "write",
  checks: "write",
  contents: "write",
  actions: "write",
  metadata: "read",
} as const;

const EVENTS = [
  "issues",
  "issue_comment",
  "pull_request",
  "push",
  "check_run",
  "workflow_dispatch",
  "workflow_run",
];

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

function installationAccount(state: SandboxState): SandboxUser {
  const owner = [...state.repos.values()][0]?.owner;
  const account =
    (owner ? state.users.get(owner) : undefined) ??
    [...state.users.values()].find((u) => u.permission === "admin");
  return account ?? state.app.bot;
}

export function renderInstallation(state: SandboxState, createdAt: string): Record<string, unknown> {
  const account = installationAccount(state);
  const id = state.app.installationId;
  return {
    id,
    account: renderUser(state, account),
    repository_selection: "all",
    access_tokens_url: `${state.apiUrl}/app/installations/${id}/access_tokens`,
    repositories_url: `${state.apiUrl}/installation/repositories`,
    html_url: `${state.apiUrl}/_web/settings/installations/${id}`,
    app_id: state.app.id,
    target_id: account.id,
    target_type: account.type === "Bot" ? "User" : account.type,
    permissions: INSTALLATION_PERMISSIONS,
    events: EVENTS,
    created_at: seconds(createdAt),
    updated_at: seconds(createdAt),
    single_file_name: null,
    suspended_at: null,
    suspended_by: null,
  };
}

const repoSummary = (repo: SandboxRepo) => ({
  id: repo.id,
  node_id: `R_${repo.id}`,
  name: repo.name,
  full_name: repo.fullName,
  private: true,
});

/** A user installs the App on every repository: installation.created. */
export function sendInstallationCreated(state: SandboxState, webhooks: WebhookSender): void {
  const sender = installationAccount(state);
  webhooks.send("installation", {
    action: "created",
    installation: renderInstallation(state, state.now()),
    repositories: [...state.repos.values()].map(repoSummary),
    sender: renderUser(state, sender),
  });
}

/** A repository joins an installation that covers all repositories: installation_repositories.added. */
export function sendRepositoryAdded(state: SandboxState, webhooks: WebhookSender, repo: SandboxRepo): void {
  webhooks.send("installation_repositories", {
    action: "added",
    installation: renderInstallation(state, repo.createdAt),
    repository_selection: "all",
    repositories_added: [repoSummary(repo)],
    repositories_removed: [],
    sender: renderUser(state, repo.owner),
  });
}

// The sandbox's in-memory GitHub: users, the App, repositories and what lives in them.
// Git data (commits, refs, files) lives in each repository's bare repo, not here.
import type { AppManifest } from "./manifest-form.js";

export const PERMISSIONS = ["none", "read", "triage", "write", "maintain", "admin"] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function permits(held: Permission, needed: Permission): boolean {
  return PERMISSIONS.indexOf(held) >= PERMISSIONS.indexOf(needed);
}

export interface SandboxUser {
  id: number;
  login: string;
  type: "User" | "Bot";
  /** Permission on every sandbox repository. */
  permission: Permission;
  token: string;
}

export interface SandboxLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface SandboxIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  assignees: string[];
  author: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  isPull: boolean;
}

export interface SandboxComment {
  id: number;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface SandboxReview {
  id: number;
  pullNumber: number;
  body: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED";
  author: string;
  commitId: string;
  submittedAt: string;
}

export interface SandboxReaction {
  id: number;
  content: string;
  author: string;
  createdAt: string;
}

export interface SandboxPull {
  number: number;
  id: number;
  head: string;
  base: string;
  headSha: string;
  baseSha: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  maintainerCanModify: boolean;
  /** Logins and team slugs asked to review, in the order asked. */
  requestedReviewers: string[];
  requestedTeams: string[];
}

export interface SandboxAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface SandboxCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: SandboxAnnotation[];
  actions: { label: string; description: string; identifier: string }[];
}

export interface SandboxWorkflowRun {
  id: number;
  runNumber: number;
  /** `.github/workflows/<file>` */
  path: string;
  headBranch: string;
  headSha: string;
  event: string;
  status: "queued" | "completed";
  conclusion: string | null;
  createdAt: string;
}

export interface SandboxRepo {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  gitDir: string;
  defaultBranch: string;
  createdAt: string;
  nextNumber: number;
  labels: Map<string, SandboxLabel>;
  issues: Map<number, SandboxIssue>;
  comments: Map<number, SandboxComment>;
  reactions: Map<string, SandboxReaction[]>;
  pulls: Map<number, SandboxPull>;
  reviews: Map<number, SandboxReview>;
  checkRuns: Map<number, SandboxCheckRun>;
  workflowDispatches: { workflow: string; ref: string; inputs: Record<string, unknown> }[];
  /** Runs of dispatched workflows; a test completes them (`Sandbox.completeWorkflowRun`). */
  workflowRuns: Map<number, SandboxWorkflowRun>;
}

export interface SandboxApp {
  id: number;
  slug: string;
  installationId: number;
  publicKeyPem: string;
  privateKeyPath: string;
  /** The bot user that acts for the installation. */
  bot: SandboxUser;
  /** Installation tokens issued, with when each expires (ms since the epoch). */
  installationTokens: Map<string, number>;
  /** How long an installation token lives (GitHub: one hour; tests make it short). */
  tokenTtlMs: number;
  /** The secret webhooks are signed with (given to the App's server by the manifest conversion). */
  webhookSecret: string;
  /** Codes of the manifest flow, each for one conversion. */
  manifestCodes: Map<string, { manifest: AppManifest; expiresAt: number }>;
}

export interface SandboxState {
  apiUrl: string;
  users: Map<string, SandboxUser>;
  repos: Map<string, SandboxRepo>;
  app: SandboxApp;
  nextId(): number;
  now(): string;
}

export function createIdSource(start = 1000): () => number {
  let next = start;
  return () => next++;
}

export const isoNow = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export function findUserByToken(state: SandboxState, token: string): SandboxUser | undefined {
  const expires = state.app.installationTokens.get(token);
  // GitHub answers an expired installation token like an unknown one: 401 Bad credentials
  if (expires !== undefined) return expires > Date.now() ? state.app.bot : undefined;
  for (const user of state.users.values()) if (user.token === token) return user;
  return undefined;
}

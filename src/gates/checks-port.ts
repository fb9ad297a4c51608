// The check-run calls the gates need, in GitHub's REST shapes (POST/PATCH /repos/{owner}/{repo}/check-runs).
// src/github's port implements it; gates never call Octokit directly.
import type { Annotation, Conclusion } from "./types.js";

export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: Annotation[];
}

export interface CreateCheckRunParams {
  owner: string;
  repo: string;
  name: string;
  head_sha: string;
  status: "queued" | "in_progress";
  started_at?: string;
  external_id?: string;
}

export interface UpdateCheckRunParams {
  owner: string;
  repo: string;
  check_run_id: number;
  status?: "completed";
  conclusion?: Conclusion;
  completed_at?: string;
  output?: CheckRunOutput;
  actions?: CheckRunAction[];
}

export interface ChecksPort {
  createCheckRun(params: CreateCheckRunParams): Promise<{ id: number }>;
  updateCheckRun(params: UpdateCheckRunParams): Promise<void>;
}

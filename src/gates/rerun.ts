// Turns `check_run.rerequested` and `check_run.requested_action` (the Re-run button) webhooks for a
// `lanes/*` check run into a request to run that gate again on the same commit.
import * as z from "zod";
import { RERUN_ACTION } from "./publish.js";
import { gateFromCheckRunName } from "./registry.js";
import type { GateName } from "./types.js";

const CheckRunEventSchema = z.object({
  action: z.string(),
  check_run: z.object({ id: z.number(), name: z.string(), head_sha: z.string() }),
  requested_action: z.object({ identifier: z.string() }).optional(),
  repository: z.object({ name: z.string(), owner: z.object({ login: z.string() }) }),
  installation: z.object({ id: z.number() }).optional(),
});

export interface RerunRequest {
  gate: GateName;
  owner: string;
  repo: string;
  headSha: string;
  /** The check run that asked; the re-run publishes a new one. */
  checkRunId: number;
  installationId?: number;
}

/** The gate to re-run, or undefined when the event is not a re-run of a lanes gate. Throws on a malformed payload. */
export function rerunRequestFrom(payload: unknown): RerunRequest | undefined {
  const event = CheckRunEventSchema.parse(payload);
  const wanted =
    event.action === "rerequested" ||
    (event.action === "requested_action" && event.requested_action?.identifier === RERUN_ACTION.identifier);
  const gate = gateFromCheckRunName(event.check_run.name);
  if (!wanted || !gate) return undefined;
  return {
    gate,
    owner: event.repository.owner.login,
    repo: event.repository.name,
    headSha: event.check_run.head_sha,
    checkRunId: event.check_run.id,
    ...(event.installation ? { installationId: event.installation.id } : {}),
  };
}

/** Handles a check_run webhook: re-runs the named gate through `rerun`; resolves to what it re-ran. */
export async function handleCheckRunEvent(
  payload: unknown,
  rerun: (request: RerunRequest) => Promise<void>,
): Promise<RerunRequest | undefined> {
  const request = rerunRequestFrom(payload);
  if (request) await rerun(request);
  return request;
}

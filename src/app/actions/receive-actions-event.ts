// Runs the App's handlers for a workflow's own event inside GitHub Actions (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH):
// the few lines of @probot/adapter-github-actions, written on Probot 14 — the adapter 4.x depends on Probot 13,
// so it would bring a second Probot and Octokit beside ours. Authenticates with the job's token; never logs it.
import { readFile } from "node:fs/promises";
import { Probot, type ApplicationFunction } from "probot";
import * as z from "zod";
import type { Logger } from "../../observe/logger.js";
import { AppConfigError } from "../errors.js";

const ActionsEnvSchema = z.object({
  GITHUB_EVENT_NAME: z.string().min(1),
  GITHUB_EVENT_PATH: z.string().min(1),
  GITHUB_RUN_ID: z.string().min(1),
  GITHUB_TOKEN: z.string().min(1),
  GITHUB_API_URL: z.url().optional(),
});
export type ActionsEnv = z.infer<typeof ActionsEnvSchema>;

export interface ActionsDelivery {
  /** The delivery id the handlers de-duplicate on: the workflow run (a re-run of a handled one has no effect). */
  id: string;
  /** `issues.labeled`, `pull_request.closed` … */
  event: string;
}

/** Reads the Actions environment; a missing or wrong variable fails with one line naming it. */
export function readActionsEnv(env: NodeJS.ProcessEnv): ActionsEnv {
  const parsed = ActionsEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  throw new AppConfigError(
    `${name} is ${env[name] === undefined ? "not set" : "not valid"}: the app mode runs inside a GitHub Actions job, which sets it (GITHUB_TOKEN comes from the action's github-token input)`,
  );
}

async function readPayload(path: string): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new AppConfigError(`GITHUB_EVENT_PATH ${path}: not a readable JSON event payload`, {
      cause: error,
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new AppConfigError(`GITHUB_EVENT_PATH ${path}: the event payload is not a JSON object`);
  return value as Record<string, unknown>;
}

/** Loads `appFn` into a Probot authenticated with the job's token and hands it the workflow's event. */
export async function receiveActionsEvent(options: {
  env: ActionsEnv;
  appFn: ApplicationFunction;
  log: Logger;
  /**
   * Actions payloads name no App installation; an app that routes by installation is given this one for the
   * job's token (the payload's own, when it has one, is kept).
   */
  installationId?: number;
}): Promise<ActionsDelivery> {
  const { env } = options;
  const payload = await readPayload(env.GITHUB_EVENT_PATH);
  if (options.installationId !== undefined && payload.installation === undefined)
    payload.installation = { id: options.installationId };
  const probot = new Probot({
    githubToken: env.GITHUB_TOKEN,
    log: options.log.child({ name: "probot" }),
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
  });
  await probot.load(options.appFn);
  const id = `actions-run-${env.GITHUB_RUN_ID}`;
  const action = typeof payload.action === "string" ? payload.action : undefined;
  await probot.receive({ id, name: env.GITHUB_EVENT_NAME, payload } as Parameters<Probot["receive"]>[0]);
  return { id, event: action ? `${env.GITHUB_EVENT_NAME}.${action}` : env.GITHUB_EVENT_NAME };
}

// GitHub's "register an App from a manifest" page, for the sandbox: the browser POSTs the form field
// `manifest` to /settings/apps/new (or /organizations/{org}/settings/apps/new); GitHub answers with a
// redirect to the manifest's redirect_url carrying a one-time code, which the App's server exchanges at
// POST /app-manifests/{code}/conversions for the App's id, key and webhook secret.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import * as z from "zod";
import type { SandboxState } from "./state.js";

const FORM_PATH = /^\/(?:organizations\/[^/]+\/)?settings\/apps\/new\/?$/;

/** The fields of a manifest GitHub reads (others are ignored, as GitHub does). */
export const AppManifestSchema = z.object({
  name: z.string().min(1).max(34),
  url: z.string().min(1),
  redirect_url: z.string().url(),
  hook_attributes: z.object({ url: z.string().url(), active: z.boolean().optional() }).optional(),
  description: z.string().optional(),
  public: z.boolean().optional(),
  default_permissions: z.record(z.string(), z.enum(["read", "write"])).optional(),
  default_events: z.array(z.string()).optional(),
});
export type AppManifest = z.infer<typeof AppManifestSchema>;

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(`${text}\n`);
}

/** Whether the request is the manifest form; if so it is answered (true). */
export function serveManifestForm(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  if (req.method !== "POST" || !FORM_PATH.test(url.pathname)) return false;
  void (async () => {
    const form = await formOf(req);
    let manifest: AppManifest;
    try {
      manifest = AppManifestSchema.parse(JSON.parse(form.get("manifest") ?? ""));
    } catch (error) {
      answer(
        res,
        422,
        `Invalid GitHub App manifest: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const code = randomBytes(10).toString("hex");
    // GitHub's code is single-use and lives an hour
    state.app.manifestCodes.set(code, { manifest, expiresAt: Date.now() + 3600_000 });
    const target = new URL(manifest.redirect_url);
    target.searchParams.set("code", code);
    const formState = url.searchParams.get("state");
    if (formState) target.searchParams.set("state", formState);
    answer(res, 302, `Found. Redirecting to ${target.href}`, { location: target.href });
  })().catch(() => answer(res, 500, "Server Error"));
  return true;
}

// The one comment per PRP that tells its owners about its alerts: created (mentioning them, which notifies
// them) at the first alert, edited to add each later one, so a flapping PRP never becomes a comment per event.
import { isStatus } from "../../github/errors.js";
import type { RepoDeps } from "../repo-deps.js";
import type { Alert } from "./timers.js";

export const ALERTS_MARKER = "<!-- lanes:alerts -->";
const KEPT = 20;

function line(at: number, alert: Alert): string {
  const when = new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
  return `- ${when} **${alert.title}**: ${alert.text.replace(/\r?\n/g, " ")}`;
}

export async function mentionOwners(
  deps: Pick<RepoDeps, "github" | "store" | "repo">,
  issue: number,
  owners: readonly string[],
  alert: Alert,
  at: number,
): Promise<"created" | "updated"> {
  const { github, store, repo } = deps;
  const record = await store.readPrpRecord(issue);
  const entry = line(at, alert);
  if (record.alertCommentId !== undefined) {
    try {
      const existing = (await github.listComments(repo, issue)).find((c) => c.id === record.alertCommentId);
      if (existing) {
        const lines = existing.body.split("\n");
        const head = lines.slice(0, 3);
        const entries = [...lines.slice(3).filter((l) => l.startsWith("- ")), entry].slice(-KEPT);
        await github.updateComment(repo, existing.id, [...head, ...entries].join("\n"));
        return "updated";
      }
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
  const body = [ALERTS_MARKER, `${owners.join(" ")} Lanes needs your attention on this PRP:`, "", entry].join(
    "\n",
  );
  const created = await github.createComment(repo, issue, body);
  await store.patchPrpRecord(issue, { alertCommentId: created.id });
  return "created";
}

// The supervisor's reports about a lane, as PRP state changes and status-comment notes: the runner's
// LaneReporter port, implemented with the same transition() and renderer the App uses.
import type { DeathFacts, LaneReport, LaneReporter } from "../../runner/lane-reporter.js";
import type { PrpRecord } from "../../state/index.js";
import type { RepoDeps } from "../repo-deps.js";
import type { PrpEvent } from "../transitions.js";
import { publishStatus } from "../status/publish-status.js";
import { notePrp, updatePrp } from "./update-prp.js";

function time(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The cause and last lines of a dead agent, as PRP facts (absent when unknown). */
function deathFacts(report: DeathFacts): { facts?: PrpRecord } {
  if (!report.cause) return {};
  return { facts: { cause: report.cause, lastLines: report.lastLines ?? "" } };
}

function stepOf(report: LaneReport): { event: PrpEvent; note: string; facts?: PrpRecord } | undefined {
  switch (report.kind) {
    case "claimed":
      return {
        event: "claimed",
        note: `claimed on ${report.host}, working on ${report.branch}`,
        facts: { branch: report.branch, attempts: report.attempts },
      };
    case "asked":
      return {
        event: "asked",
        note: `the agent asks: ${report.question.slice(0, 200)}`,
        facts: { question: report.question.slice(0, 2000) },
      };
    case "answered":
      return { event: "answered", note: "answered", facts: { question: "" } };
    case "finished":
      return {
        event: "finished",
        note: report.pr ? `PR opened: ${report.pr}` : `finished: ${report.summary.slice(0, 200)}`,
        ...(report.pr ? { facts: { pr: report.pr } } : {}),
      };
    case "usage-limit":
      return {
        event: "usage-limit",
        note: `paused until ${time(report.until)} (usage limit)`,
        facts: { pausedUntil: report.until },
      };
    case "paused":
      return { event: "paused", note: `paused by @${report.by}` };
    case "resumed":
      return {
        event: "resumed",
        note: report.by ? `resumed by @${report.by}` : "resumed after the usage limit",
      };
    case "requeued":
      return {
        event: "requeued",
        note: `back in the queue: ${report.reason.slice(0, 200)}`,
        ...deathFacts(report),
      };
    case "gave-up":
      return {
        event: "gave-up",
        note: `needs a human because ${report.reason.slice(0, 300)}`,
        ...deathFacts(report),
      };
    case "withdrawn":
    case "problem":
    case "usage":
      return undefined;
  }
}

export function prpLaneReporter(deps: RepoDeps, actor: string): LaneReporter {
  return {
    async report(job, report) {
      if (typeof job.issue !== "number") return;
      if (report.kind === "problem") {
        await notePrp(deps, job.issue, `no agent could start: ${report.message.slice(0, 300)}`);
        return;
      }
      if (report.kind === "usage") {
        // a number on the status comment, not an event
        await deps.store.patchPrpRecord(job.issue, { usage: report.usage });
        await publishStatus(deps, job.issue);
        return;
      }
      const step = stepOf(report);
      if (!step) return;
      await updatePrp(deps, {
        issue: job.issue,
        event: step.event,
        actor,
        note: step.note,
        ...(step.facts ? { facts: step.facts } : {}),
      });
    },
  };
}

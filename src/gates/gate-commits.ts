// lanes/commits: subjects short and imperative ("Add", not "Added"/"Adding"/"adds"), no final "wip",
// and commits at least every N minutes (a longer gap is a warning, not a failure).
import { table } from "./markdown.js";
import type { Gate, GateCommit, GateConfig, GateResult } from "./types.js";

// Imperative verbs that merely look past-tense, gerund or third-person.
const NOT_INFLECTED = new Set([
  "embed",
  "need",
  "speed",
  "seed",
  "feed",
  "shed",
  "bleed",
  "breed",
  "exceed",
  "proceed",
  "succeed",
  "red",
  "bed",
  "shred",
  "bring",
  "string",
  "ping",
  "ring",
  "sing",
  "swing",
  "thing",
  "process",
  "address",
  "access",
  "pass",
  "bypass",
  "focus",
  "discuss",
  "compress",
  "express",
  "press",
  "bless",
  "guess",
  "miss",
  "toss",
  "cross",
  "kiss",
  "dismiss",
  "harness",
  "canvas",
  "alias",
  "bias",
  "redis",
  "status",
  "always",
  "this",
  "has",
  "does",
  "is",
  "was",
]);

export function moodProblem(subject: string): string | undefined {
  const text = subject.replace(/^(?:\w+(?:\([^)]*\))?!?:\s*)/, "");
  const first = /^[A-Za-z]+/.exec(text)?.[0];
  if (!first) return undefined;
  const word = first.toLowerCase();
  if (NOT_INFLECTED.has(word) || word.length < 4) return undefined;
  if (/ed$/.test(word)) return `"${first}" is past tense: write "${first.replace(/ed$/i, "")}…" (imperative)`;
  if (/ing$/.test(word)) return `"${first}" is a gerund: write the imperative`;
  if (/[^s]s$/.test(word) || /(?:xes|ches|shes|sses)$/.test(word))
    return `"${first}" is third person: write the imperative`;
  return undefined;
}

interface Finding {
  level: "failure" | "warning";
  where: string;
  text: string;
}

export function commitsResult(
  commits: readonly GateCommit[],
  config: Pick<GateConfig, "subjectMaxLength" | "commitCadenceMinutes">,
): GateResult {
  if (commits.length === 0)
    return {
      conclusion: "neutral",
      title: "No commits",
      summary: "The lane has no commits over its base.",
      annotations: [],
    };
  const findings: Finding[] = [];
  const short = (c: GateCommit) => c.sha.slice(0, 7);
  for (const c of commits) {
    if (/^Merge /.test(c.subject)) continue;
    if (c.subject.length > config.subjectMaxLength)
      findings.push({
        level: "failure",
        where: short(c),
        text: `subject is ${c.subject.length} characters (at most ${config.subjectMaxLength})`,
      });
    const mood = moodProblem(c.subject);
    if (mood) findings.push({ level: "failure", where: short(c), text: mood });
  }
  const last = commits[commits.length - 1] as GateCommit;
  if (/^\s*wip\b/i.test(last.subject))
    findings.push({
      level: "failure",
      where: short(last),
      text: "the final commit is a WIP commit: finish the work and describe it",
    });
  const times = commits.map((c) => Date.parse(c.authoredAt));
  for (let i = 1; i < commits.length; i++) {
    const gap = ((times[i] as number) - (times[i - 1] as number)) / 60_000;
    if (gap > config.commitCadenceMinutes) {
      findings.push({
        level: "warning",
        where: short(commits[i] as GateCommit),
        text: `${Math.round(gap)} minutes after the previous commit (commit at least every ${config.commitCadenceMinutes})`,
      });
    }
  }
  const failures = findings.filter((f) => f.level === "failure").length;
  const rows = commits.map((c) => [short(c), c.subject]);
  const summary = [
    `${commits.length} commit(s) checked.`,
    ...(findings.length > 0
      ? [
          "",
          table(
            ["", "commit", "finding"],
            findings.map((f) => [f.level === "failure" ? "❌" : "⚠️", f.where, f.text]),
          ),
        ]
      : []),
    "",
    table(["commit", "subject"], rows),
  ].join("\n");
  if (failures > 0)
    return {
      conclusion: "failure",
      title: `${failures} commit message problem(s)`,
      summary,
      annotations: [],
    };
  if (findings.length > 0)
    return {
      conclusion: "neutral",
      title: `${findings.length} cadence warning(s)`,
      summary,
      annotations: [],
    };
  return { conclusion: "success", title: "Commit messages and cadence are fine", summary, annotations: [] };
}

export const commitsGate: Gate = {
  name: "commits",
  description: "commit subject length, imperative mood, no final WIP, commit cadence",
  run: async (input) => commitsResult(input.commits, input.config),
};

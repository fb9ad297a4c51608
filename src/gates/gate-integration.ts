// lanes/integration: the PRP's dependencies are merged, and the lane merges cleanly onto the base.
import type { Gate, GateInput, GateResult } from "./types.js";

export function integrationResult(
  input: Pick<GateInput, "prp" | "mergedPrpIds" | "merge" | "base">,
): GateResult {
  const deps = input.prp.dependsOn ?? [];
  const merged = input.mergedPrpIds ?? new Set<string>();
  const open = deps.filter((d) => !merged.has(d));
  const lines: string[] = [];
  lines.push(
    deps.length === 0
      ? "- ✅ The PRP has no dependencies."
      : open.length === 0
        ? `- ✅ Dependencies merged: ${deps.map((d) => `#${d}`).join(", ")}.`
        : `- ❌ Dependencies not merged yet: ${open.map((d) => `#${d}`).join(", ")}.`,
  );
  const conflicts = input.merge?.conflicts ?? [];
  if (!input.merge) lines.push(`- ⚠️ The merge onto \`${input.base}\` was not checked.`);
  else if (input.merge.clean) lines.push(`- ✅ Merges cleanly onto \`${input.base}\`.`);
  else if (input.merge.unrelated)
    lines.push(`- ❌ Shares no history with \`${input.base}\`: branch the lane from \`${input.base}\`.`);
  else
    lines.push(
      `- ❌ Conflicts with \`${input.base}\` in ${conflicts.length} file(s):`,
      ...conflicts.map((f) => `  - \`${f}\``),
    );
  const annotations = conflicts.map((path) => ({
    path,
    startLine: 1,
    endLine: 1,
    level: "failure" as const,
    title: "Merge conflict",
    message: `Conflicts with ${input.base}: rebase or merge ${input.base} and resolve.`,
  }));
  const failed = open.length > 0 || (input.merge !== undefined && !input.merge.clean);
  const title = failed
    ? [
        open.length > 0 ? `${open.length} dependency(ies) open` : "",
        conflicts.length > 0 || input.merge?.clean === false
          ? `conflicts in ${conflicts.length} file(s)`
          : "",
      ]
        .filter(Boolean)
        .join("; ")
    : "Ready to integrate";
  return {
    conclusion: failed ? "failure" : input.merge ? "success" : "neutral",
    title,
    summary: lines.join("\n"),
    annotations,
  };
}

export const integrationGate: Gate = {
  name: "integration",
  description: "dependencies merged and a clean merge onto the base (merge-tree)",
  run: async (input) => integrationResult(input),
};

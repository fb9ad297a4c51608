// The script agent's language: a short list of steps a PRP can embed (front matter `agent_script`)
// to make the stand-in agent edit files, commit, fail, print text (e.g. a usage-limit message) or exit.
// The PRP's own steps (write, append, delete, commit, fail) are a subset; the others serve tests.
import * as z from "zod";

export const ScriptStepSchema = z.union([
  z.object({ write: z.string().min(1), content: z.string() }).strict(),
  z.object({ append: z.string().min(1), content: z.string() }).strict(),
  z.object({ delete: z.string().min(1) }).strict(),
  z.object({ commit: z.string().min(1) }).strict(),
  /** The agent gives up: the message goes to .lanes/blocked and the lane waits for a human. */
  z.object({ fail: z.string().min(1) }).strict(),
  /** Asks a question (.lanes/blocked), ends the turn and goes on with the answer (a `lanes say` line). */
  z.object({ ask: z.string().min(1) }).strict(),
  z.object({ print: z.string() }).strict(),
  z.object({ sleep: z.number().int().min(0).max(600_000) }).strict(),
  /** Waits for one more line on stdin (a `lanes say` message) before going on. */
  z.object({ wait_input: z.literal(true) }).strict(),
  z.object({ exit: z.number().int().min(0).max(255) }).strict(),
  z.object({ done: z.string() }).strict(),
]);
export type ScriptStep = z.infer<typeof ScriptStepSchema>;
export const ScriptSchema = z.array(ScriptStepSchema).max(200);

/** The file in the worktree where the supervisor puts the lane's script and criteria. */
export const SCRIPT_FILE = ".lanes/script.json";

export const ScriptFileSchema = z.object({
  issue: z.union([z.number(), z.string()]),
  title: z.string(),
  criteria: z.array(z.string()),
  steps: ScriptSchema.optional(),
});
export type ScriptFile = z.infer<typeof ScriptFileSchema>;

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 30) || "item"
  );
}

/** The default script: one file and one commit per success criterion, then done. */
export function defaultScript(file: Pick<ScriptFile, "issue" | "criteria" | "title">): ScriptStep[] {
  const criteria = file.criteria.length > 0 ? file.criteria : [file.title];
  const steps: ScriptStep[] = criteria.flatMap((criterion, i) => [
    {
      write: `lanes-work/${file.issue}/${i + 1}-${slug(criterion)}.md`,
      content: `# ${criterion}\n\nMet by the script agent.\n`,
    },
    { commit: `Meet criterion ${i + 1} of #${file.issue}: ${criterion}` },
  ]);
  return [...steps, { done: `script agent met ${criteria.length} criteria of #${file.issue}` }];
}

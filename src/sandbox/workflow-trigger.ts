// What GitHub checks before a workflow_dispatch starts a run, from the workflow file at the dispatched ref: the
// file has the trigger, every input given is declared, every required one is given. Messages are GitHub's.
import { parse } from "yaml";

interface DispatchInput {
  required?: boolean;
  default?: unknown;
}

/** The `workflow_dispatch` trigger of a workflow file: its inputs, or null when the file has no such trigger. */
function dispatchTrigger(text: string): Record<string, DispatchInput> | null {
  let on: unknown;
  try {
    on = (parse(text) as { on?: unknown } | null)?.on;
  } catch {
    return null;
  }
  if (on === "workflow_dispatch") return {};
  if (Array.isArray(on)) return on.includes("workflow_dispatch") ? {} : null;
  if (typeof on !== "object" || on === null || !("workflow_dispatch" in on)) return null;
  const trigger = (on as { workflow_dispatch?: { inputs?: Record<string, DispatchInput> } | null })
    .workflow_dispatch;
  return trigger?.inputs ?? {};
}

/** Why GitHub refuses to dispatch the workflow with these inputs (422), or undefined when it would start. */
export function dispatchRefusal(workflowText: string, inputs: Record<string, unknown>): string | undefined {
  const declared = dispatchTrigger(workflowText);
  if (declared === null) return "Workflow does not have 'workflow_dispatch' trigger";
  const unexpected = Object.keys(inputs).filter((name) => !(name in declared));
  if (unexpected.length > 0) return `Unexpected inputs provided: ${JSON.stringify(unexpected)}`;
  const missing = Object.entries(declared).find(
    ([name, input]) => input?.required === true && input.default === undefined && !(name in inputs),
  );
  return missing ? `Required input '${missing[0]}' not provided` : undefined;
}

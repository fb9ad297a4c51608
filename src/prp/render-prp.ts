// Renders a Prp back to markdown with our front matter, whatever shape it was read from.
// Round-trip stable: parsing the result gives the same fields, and rendering that again gives the same text.
import { classifyKey } from "./classify-key.js";
import { dumpYaml } from "./load-yaml.js";
import type { Prp } from "./schema.js";

/** Issue numbers go out as numbers (`depends_on: [12]`), backlog ids as strings. */
const ref = (id: string): string | number => (/^\d{1,15}$/.test(id) ? Number(id) : id);

export function frontMatterOf(prp: Prp): Record<string, unknown> {
  const data: [string, unknown][] = [];
  const put = (key: string, value: unknown) => {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === "") return;
    data.push([key, value]);
  };
  put("title", prp.title);
  put("role", prp.role);
  put("priority", prp.priority);
  put("depends_on", prp.dependsOn.map(ref));
  put("paths", prp.paths);
  put("validation", prp.validation);
  put("timeout_minutes", prp.timeoutMinutes);
  put("model", prp.model);
  put("deadline", prp.deadline);
  put("agent_script", prp.agentScript);
  // Only foreign keys are metadata; anything else would shadow (or duplicate) one of our fields.
  for (const [key, value] of Object.entries(prp.metadata)) {
    if (classifyKey(key).kind === "foreign") data.push([key, value]);
  }
  return Object.fromEntries(data);
}

export function renderPrp(prp: Prp): string {
  return `---\n${dumpYaml(frontMatterOf(prp))}---\n${prp.body}`;
}

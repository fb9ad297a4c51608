// Project-type detection: which team template fits a repository, from its file paths and a few
// manifests' contents. Pure; `detectProjectDir` reads a directory and calls this.
import { DETECTION_RULES, type ProjectFiles } from "./detection-rules.js";
import { TEMPLATE_NAMES, type TemplateName } from "./templates.js";

export type ProjectType = TemplateName | "generic";

export interface Evidence {
  type: TemplateName;
  weight: number;
  what: string;
  files: string[];
}

export interface Detection {
  type: ProjectType;
  /** 0–1: the winner's share of all evidence, reduced when only weak evidence was found. */
  confidence: number;
  evidence: Evidence[];
  scores: Record<TemplateName, number>;
}

/** Ties go to the more specific kind of project: a Terraform repo with a Dockerfile is infrastructure. */
const PRECEDENCE: readonly TemplateName[] = [
  "infrastructure_as_code",
  "data_pipeline",
  "system_deployment",
  "web_application",
];

export function detectProjectType(files: ProjectFiles): Detection {
  const evidence: Evidence[] = [];
  for (const rule of DETECTION_RULES) {
    const found = rule.match(files);
    if (found) evidence.push({ type: rule.type, weight: rule.weight, ...found });
  }
  const scores = Object.fromEntries(TEMPLATE_NAMES.map((t) => [t, 0])) as Record<TemplateName, number>;
  for (const item of evidence) scores[item.type] += item.weight;
  const total = evidence.reduce((sum, item) => sum + item.weight, 0);
  if (total === 0) return { type: "generic", confidence: 0, evidence, scores };
  const best = PRECEDENCE.reduce((a, b) => (scores[b] > scores[a] ? b : a));
  const strength = Math.min(1, scores[best] / 3);
  const confidence = Math.round((scores[best] / total) * strength * 100) / 100;
  return { type: best, confidence, evidence, scores };
}

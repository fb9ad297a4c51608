// Priorities of PRPs and jobs: our four words, and the P0–P3 spellings other tools use for the same levels.
import * as z from "zod";

export const PRIORITIES = ["critical", "high", "medium", "low"] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

const ALIASES: Record<string, Priority> = {
  p0: "critical",
  p1: "high",
  p2: "medium",
  p3: "low",
  urgent: "critical",
  normal: "medium",
};

/** Maps "High", "P1", "urgent" … to a Priority; undefined when the word is not a priority. */
export function normalizePriority(value: unknown): Priority | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const word = String(value).trim().toLowerCase();
  if ((PRIORITIES as readonly string[]).includes(word)) return word as Priority;
  return ALIASES[word];
}

/** 0 for critical … 3 for low: smaller runs first. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

// A lane offered for integration: its branch and what the PRP says about ordering it.
import * as z from "zod";
import { PrioritySchema } from "../domain/priority.js";

export const LaneSchema = z.object({
  branch: z.string().min(1),
  /** The PRP id (issue number or backlog id); dependencies name these. */
  id: z.string().min(1),
  role: z.string().min(1).optional(),
  priority: PrioritySchema.default("medium"),
  dependsOn: z.array(z.string().min(1)).default([]),
  /** The PRP title, for the PR body and resolve jobs. */
  title: z.string().optional(),
  /** The commit to integrate (the one its gates passed on); the branch's tip when absent. */
  commit: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/)
    .optional(),
  /** How many resolve attempts this lane has had already. */
  attempts: z.number().int().nonnegative().default(0),
});
export type Lane = z.infer<typeof LaneSchema>;
export type LaneInput = z.input<typeof LaneSchema>;

/** Lane branches are `lanes/<role>/<issue>-<slug>`; other names become a lane with the branch as id. */
export function laneFromBranch(branch: string): Lane {
  const match = /^lanes\/([a-z_]+)\/(\d+)(?:-.*)?$/.exec(branch);
  if (match) return LaneSchema.parse({ branch, role: match[1], id: match[2] });
  return LaneSchema.parse({ branch, id: branch });
}

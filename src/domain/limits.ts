// The one set of limits on a PRP and the job made from it. The parser (so `prp lint`, ingest, intake and
// the stack's backlog preflight) refuses what breaks them; the queue's schema uses the same numbers, so a
// PRP that lints clean is never refused later.

export const PRP_LIMITS = {
  /** Characters in a title: GitHub refuses longer issue titles. */
  title: 256,
  /** Characters in the whole PRP text: GitHub's issue-body limit. */
  body: 65_536,
  /** Success criteria in one PRP. */
  criteria: 100,
  /** Characters in one criterion. */
  criterion: 1_000,
  /** Path globs a lane owns. */
  paths: 200,
  /** Characters in one path glob. */
  path: 500,
  /** Validation commands. */
  commands: 50,
  /** Characters in one validation command. */
  command: 2_000,
  /** Dependencies of one PRP. */
  dependsOn: 100,
} as const;

export type PrpLimit = keyof typeof PRP_LIMITS;

// Integration errors. Per-lane problems are reported in the result (and carry one of these as the
// reason), so one bad lane never stops the others; only a missing base or bad input aborts a run.
import { InvalidInputError, LanesError } from "../errors.js";

/** The base ref the lanes are integrated onto does not name a commit. */
export class BaseNotFoundError extends InvalidInputError {
  override name = "BaseNotFoundError";
  constructor(
    readonly base: string,
    readonly dir: string,
  ) {
    super(`base ref "${base}" does not name a commit in ${dir}; pass --base with an existing branch or sha`, {
      context: { base, dir },
    });
  }
}

/** A lane branch is gone (deleted, never pushed, or misspelled). */
export class LaneMissingError extends LanesError {
  override name = "LaneMissingError";
  constructor(readonly branch: string) {
    super(`branch "${branch}" does not exist; was it deleted or never pushed?`, { context: { branch } });
  }
}

/** A lane shares no history with the base: merging it would graft an unrelated project. */
export class UnrelatedHistoriesError extends LanesError {
  override name = "UnrelatedHistoriesError";
  constructor(
    readonly branch: string,
    readonly base: string,
  ) {
    super(
      `branch "${branch}" shares no history with "${base}"; rebuild the lane from ${base} instead of merging it`,
      {
        context: { branch, base },
      },
    );
  }
}

/** A lane could not be ordered: dependency cycle, unknown dependency, or a duplicate PRP id. */
export class LaneUnorderableError extends LanesError {
  override name = "LaneUnorderableError";
  constructor(
    readonly branch: string,
    readonly why: string,
  ) {
    super(`branch "${branch}" cannot be ordered: ${why}`, { context: { branch } });
  }
}

/** Every name an integration could take for the day is taken: old integration branches need clearing. */
export class IntegrationBranchTakenError extends InvalidInputError {
  override name = "IntegrationBranchTakenError";
  constructor(readonly branch: string) {
    super(
      `${branch} and its numbered variants all exist; delete old integration branches (git branch -D ${branch}-…) or pass --date`,
      { context: { branch } },
    );
  }
}

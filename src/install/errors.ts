// Installation errors: `lanes init` outside a directory it can write to.
import { InvalidInputError } from "../errors.js";

/** The target of `lanes init` is not a git repository (exit code 1). */
export class NotARepositoryError extends InvalidInputError {
  override name = "NotARepositoryError";
}

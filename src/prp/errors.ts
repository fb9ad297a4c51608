// Errors of the PRP area that stop a command (a PRP's own problems are data: ParseResult.errors).
import { InvalidInputError } from "../errors.js";

/** A PRP file or backlog folder that cannot be read. */
export class PrpReadError extends InvalidInputError {
  override name = "PrpReadError";
}

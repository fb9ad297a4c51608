// The PRP for `lanes gate --prp FILE`: a markdown PRP (parsed by src/prp, as the app parses an issue) or
// the JSON that `lanes prp parse FILE --json` prints. A PRP with errors stops the gate with every error
// as `file:line: field: message`.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { InvalidInputError } from "../../errors.js";
import type { GatePrp } from "../../gates/types.js";
import { PrpReadError } from "../../prp/errors.js";
import { parsePrp } from "../../prp/parse-prp.js";
import { ParseResultSchema, PrpSchema, type ParseIssue, type ParseResult } from "../../prp/schema.js";

/** `lanes prp parse --json` prints `{ok, prp, errors}`, `prp: null` when there is no PRP at all; its warnings are in `prp.warnings`. */
const ParseOutputSchema = ParseResultSchema.extend({
  prp: PrpSchema.nullish(),
  warnings: ParseResultSchema.shape.warnings.default([]),
});

const issueLine = (file: string, issue: ParseIssue) =>
  `${file}:${issue.line}: ${issue.field}: ${issue.message}`;

function fromJson(text: string, file: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(
      `${file} is not JSON: ${(error as Error).message}; pass a markdown PRP or the output of \`lanes prp parse FILE --json\``,
      { cause: error, context: { file } },
    );
  }
  const parsed = ParseOutputSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new InvalidInputError(
      `${file} is not the output of \`lanes prp parse FILE --json\`: ${problems.join("; ")}`,
      { context: { file } },
    );
  }
  const { prp, ...rest } = parsed.data;
  return prp ? { ...rest, prp } : rest;
}

/** Reads and parses the PRP file; `shown` is the path as the user wrote it, used in messages. */
export async function loadGatePrp(cwd: string, shown: string): Promise<GatePrp> {
  const path = resolve(cwd, shown);
  const text = await readFile(path, "utf8").catch((error: unknown) => {
    throw new PrpReadError(`cannot read the PRP file ${shown}: it does not exist or is not readable`, {
      cause: error,
      context: { file: shown },
    });
  });
  const result = text.trimStart().startsWith("{") ? fromJson(text, shown) : parsePrp(text, { file: shown });
  if (!result.ok || !result.prp) {
    const errors =
      result.errors.length > 0 ? result.errors : [{ field: "prp", line: 1, message: "no PRP in the file" }];
    throw new InvalidInputError(
      `the PRP ${shown} has ${errors.length} error(s); fix them and run again:\n${errors.map((e) => issueLine(shown, e)).join("\n")}`,
      { context: { file: shown } },
    );
  }
  return result.prp;
}

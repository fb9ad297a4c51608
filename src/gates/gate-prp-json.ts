// Reads a PRP for the gates from JSON: either the PRP itself or `lanes prp parse FILE --json` output
// ({ok, prp, errors}). Validated here, at the file boundary.
import { z } from "zod";
import { InvalidInputError } from "../errors.js";
import type { GatePrp } from "./types.js";

export const GatePrpSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  title: z.string(),
  role: z.string().optional(),
  dependsOn: z.array(z.union([z.string(), z.number()])).optional(),
  paths: z.array(z.string()).optional(),
  validation: z.array(z.string()).optional(),
  criteria: z.array(z.object({ text: z.string(), checked: z.boolean(), line: z.number().optional() })).default([]),
});

const ParseOutputSchema = z.object({ ok: z.boolean(), prp: GatePrpSchema.nullish(), errors: z.array(z.object({ message: z.string() }).loose()).optional() });

export function gatePrpFromJson(text: string, file: string): GatePrp {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`${file} is not JSON: ${(error as Error).message}; pass a PRP as JSON (e.g. the output of \`lanes prp parse FILE --json\`)`, { cause: error, context: { file } });
  }
  const wrapped = ParseOutputSchema.safeParse(value);
  if (wrapped.success) {
    if (!wrapped.data.ok || !wrapped.data.prp) {
      const errors = (wrapped.data.errors ?? []).map((e) => e.message).join("; ");
      throw new InvalidInputError(`${file} holds a PRP that did not parse${errors ? `: ${errors}` : ""}`, { context: { file } });
    }
    return wrapped.data.prp;
  }
  const direct = GatePrpSchema.safeParse(value);
  if (direct.success) return direct.data;
  const issue = direct.error.issues[0];
  throw new InvalidInputError(`${file}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}; expected a PRP with title and criteria`, { context: { file } });
}

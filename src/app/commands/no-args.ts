// The argument schema of a command that takes none: anything after its name is a mistake worth saying.
import * as z from "zod";

export function noArgs(name: string) {
  return z.string().refine((rest) => rest.trim() === "", `\`${name}\` takes no arguments`);
}

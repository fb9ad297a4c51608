// How zod parses in a CLI process. A CLI run parses most schemas once: zod's JIT (a parser generated per
// object schema and compiled with `new Function` on its first use) costs more than it saves there.
import * as z from "zod";

/** Turns zod's generated parsers off for this process; parsing and its results are the same. */
export function parseWithoutJit(): void {
  z.config({ jitless: true });
}

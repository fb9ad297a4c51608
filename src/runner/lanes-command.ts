// How to invoke this same `lanes` CLI from a tmux pane or a Claude Code hook: the built entry when
// running from dist/, the TypeScript source through tsx when running from source (tests, dev).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { shellWord } from "./shell-word.js";

const here = dirname(fileURLToPath(import.meta.url));
const fromSource = import.meta.url.endsWith(".ts");

/** argv prefix that runs a Lanes entry point (`src/<rel>.ts` or `dist/src/<rel>.js`). */
export function nodeEntry(relative: string): string[] {
  const root = resolve(here, fromSource ? "../.." : "../../..");
  if (fromSource) {
    const file = join(root, "src", `${relative}.ts`);
    return [process.execPath, "--import", import.meta.resolve("tsx"), file];
  }
  return [process.execPath, join(root, "dist", "src", `${relative}.js`)];
}

/** argv prefix for `lanes …`. */
export function lanesCommand(): string[] {
  return nodeEntry("cli/main");
}

/** Quotes argv as one sh command line (Claude Code runs hook commands through a shell). */
export function shellCommand(argv: readonly string[]): string {
  return argv.map(shellWord).join(" ");
}

// How to invoke this same `lanes` CLI from a tmux pane or a Claude Code hook: the built entry when
// running from dist/, the TypeScript source through tsx when running from source (tests, dev), or the
// bundle's entry files (scripts/bundle.mjs) when running from action/dist/.
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { shellWord } from "./shell-word.js";

const here = dirname(fileURLToPath(import.meta.url));
const fromSource = import.meta.url.endsWith(".ts");
/** Defined by scripts/bundle.mjs; every chunk lives under the bundle's directory. */
declare const __LANES_BUNDLE__: boolean | undefined;
const bundled = typeof __LANES_BUNDLE__ === "boolean" && __LANES_BUNDLE__;

/** The bundle directory: this code sits in an entry file there or in its chunks/ folder. */
const bundleDir = (): string => (basename(here) === "chunks" ? dirname(here) : here);

/** argv prefix that runs a Lanes entry point (`src/<rel>.ts` or `dist/src/<rel>.js`). */
export function nodeEntry(relative: string): string[] {
  if (bundled) {
    const name = relative === "cli/main" ? "lanes" : basename(relative);
    return [process.execPath, join(bundleDir(), `${name}.mjs`)];
  }
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

// The package version, read once from the Lanes package.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./package-root.js";

/** Defined by scripts/bundle.mjs: the bundled CLI has no package.json beside it. */
declare const __LANES_VERSION__: string | undefined;

export function readVersion(): string {
  if (typeof __LANES_VERSION__ === "string") return __LANES_VERSION__;
  const parsed = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as {
    version?: string;
  };
  return parsed.version ?? "0.0.0";
}

// The directory of the Lanes package itself (where package.json, examples/ and dist/ live), found from
// this module's location so it works from src/ (tsx) and from dist/src/ (the build) alike.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "lanes"
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("the Lanes package.json was not found above this module");
    dir = parent;
  }
}

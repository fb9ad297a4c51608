// The package version, read once from package.json next to the build.
import { readFileSync } from "node:fs";

export function readVersion(): string {
  for (const candidate of ["../../package.json", "../../../package.json"]) {
    try {
      const raw = readFileSync(new URL(candidate, import.meta.url), "utf8");
      const parsed = JSON.parse(raw) as { name?: string; version?: string };
      if (parsed.name === "lanes" && parsed.version) return parsed.version;
    } catch {
      // try the next location: the layout differs between src/ (tsx) and dist/src/ (build)
    }
  }
  return "0.0.0";
}

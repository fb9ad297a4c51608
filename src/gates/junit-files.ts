// The JUnit XML reports a validation run left in a worktree, in the folders test runners write them to by
// convention (searched one level deep): pytest --junitxml, surefire, gradle, vitest/jest junit reporters.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ReportFile } from "./test-report.js";

const REPORT_DIRS = [
  ".",
  "test-results",
  "reports",
  "junit",
  "build/test-results",
  "target/surefire-reports",
];

export async function junitFiles(root: string): Promise<ReportFile[]> {
  const found: ReportFile[] = [];
  for (const dir of REPORT_DIRS) {
    const names = await readdir(join(root, dir)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".xml"))) {
      const path = dir === "." ? name : `${dir}/${name}`;
      const text = await readFile(join(root, path), "utf8").catch(() => "");
      if (/<testsuites?\b/.test(text.slice(0, 4096))) found.push({ path, text });
    }
  }
  return found;
}

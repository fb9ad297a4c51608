// `lanes init`, the doing half: writes the files the plan creates or overwrites, nothing else.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { InitPlan } from "./plan-init.js";

export async function applyInit(plan: InitPlan): Promise<string[]> {
  const written: string[] = [];
  for (const file of plan.files) {
    if (file.action !== "create" && file.action !== "overwrite") continue;
    const path = join(plan.dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    written.push(file.path);
  }
  return written;
}

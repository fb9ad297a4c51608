// The error a stack's supervisor stopped on, read back from the end of its log (one JSON line per entry),
// so `stack status` can say why the supervisor is down; never more than the log's last 64 KB is read.
import { open } from "node:fs/promises";
import { logFile } from "./stack-launch.js";
import type { StackPaths } from "./stack-paths.js";

const TAIL_BYTES = 64 * 1024;
/** The line the supervisor writes when it has started, and the one it writes when it stops on an error. */
const RUNNING = "supervisor running";
const STOPPED_ON_ERROR = "supervisor stopped on an error";

export async function lastSupervisorError(paths: StackPaths): Promise<string | undefined> {
  let text: string;
  try {
    const file = await open(logFile(paths), "r");
    try {
      const { size } = await file.stat();
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      await file.read(buffer, 0, length, size - length);
      text = buffer.toString("utf8");
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
  for (const line of text.split("\n").reverse()) {
    let entry: { msg?: unknown; err?: unknown };
    try {
      entry = JSON.parse(line) as { msg?: unknown; err?: unknown };
    } catch {
      continue;
    }
    // a supervisor that started after the error ran without it
    if (entry.msg === RUNNING) return undefined;
    if (entry.msg === STOPPED_ON_ERROR) return typeof entry.err === "string" ? entry.err : STOPPED_ON_ERROR;
  }
  return undefined;
}

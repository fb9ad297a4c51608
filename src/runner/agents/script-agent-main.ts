// The script agent: a deterministic stand-in for Claude Code, run in a lane's pane by tests and the
// demo. It waits for its brief, follows the lane's script (or one commit per criterion), keeps its
// progress in .lanes/ so a restart continues where it stopped, and reports through `lanes hook`.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { commitLaneWork } from "../lane-commit.js";
import { BLOCKED_FILE, DONE_FILE } from "../lane-brief.js";
import { lanesCommand } from "../lanes-command.js";
import { defaultScript, SCRIPT_FILE, ScriptFileSchema, type ScriptStep } from "./script-steps.js";

const PROGRESS_FILE = ".lanes/script-progress.json";

function hook(event: string, payload: Record<string, unknown>): Promise<void> {
  const [cmd, ...args] = lanesCommand();
  return new Promise((resolvePromise) => {
    const child = spawn(cmd as string, [...args, "hook", event], { stdio: ["pipe", "ignore", "inherit"] });
    child.on("close", () => resolvePromise());
    child.on("error", () => resolvePromise());
    child.stdin.end(JSON.stringify({ hook_event_name: event, cwd: process.cwd(), ...payload }));
  });
}

function inside(root: string, path: string): string {
  const full = resolve(root, path);
  if (!full.startsWith(`${root}/`)) throw new Error(`script step path ${path} leaves the worktree`);
  return full;
}

async function readProgress(root: string): Promise<number> {
  const file = join(root, PROGRESS_FILE);
  if (!existsSync(file)) return 0;
  const value = JSON.parse(await readFile(file, "utf8")) as { next?: unknown };
  return typeof value.next === "number" ? value.next : 0;
}

async function saveProgress(root: string, next: number): Promise<void> {
  await mkdir(join(root, ".lanes"), { recursive: true });
  await writeFile(join(root, PROGRESS_FILE), JSON.stringify({ next }));
}

async function runStep(
  root: string,
  step: ScriptStep,
  nextLine: () => Promise<string>,
  turnEnded: () => Promise<void>,
): Promise<void> {
  if ("write" in step) {
    const file = inside(root, step.write);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, step.content);
  } else if ("append" in step) {
    const file = inside(root, step.append);
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, step.content);
  } else if ("delete" in step) await rm(inside(root, step.delete), { force: true, recursive: true });
  else if ("commit" in step) await commitLaneWork(root, step.commit);
  else if ("fail" in step) await writeFile(join(root, BLOCKED_FILE), `${step.fail}\n`);
  else if ("ask" in step) {
    await writeFile(join(root, BLOCKED_FILE), `${step.ask}\n`);
    await turnEnded();
    process.stdout.write(`heard: ${await nextLine()}\n`);
    await rm(join(root, BLOCKED_FILE), { force: true });
  } else if ("print" in step) process.stdout.write(`${step.print}\n`);
  else if ("sleep" in step) await new Promise((r) => setTimeout(r, step.sleep));
  else if ("wait_input" in step) {
    // waiting for input ends the turn, as it does for Claude Code: report Stop first
    await turnEnded();
    process.stdout.write(`heard: ${await nextLine()}\n`);
  } else if ("done" in step) await writeFile(join(root, DONE_FILE), `${step.done}\n`);
}

async function main(): Promise<void> {
  const root = process.cwd();
  // the session id is Lanes' choice (`--session-id` to start, `--resume` to continue), as for claude
  const resumeAt = process.argv.indexOf("--resume");
  const idAt = resumeAt > 0 ? resumeAt : process.argv.indexOf("--session-id");
  const sessionId = idAt > 0 ? (process.argv[idAt + 1] ?? randomUUID()) : randomUUID();
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await lines.next();
    if (done) process.exit(0);
    return String(value);
  };
  process.stdout.write(`script agent ready (session ${sessionId})\n`);
  await hook("SessionStart", { session_id: sessionId, source: resumeAt > 0 ? "resume" : "startup" });

  const brief = await nextLine();
  process.stdout.write(`brief: ${brief}\n`);
  const file = ScriptFileSchema.parse(JSON.parse(await readFile(join(root, SCRIPT_FILE), "utf8")));
  const steps = file.steps ?? defaultScript(file);
  for (let i = await readProgress(root); i < steps.length; i++) {
    const step = steps[i] as ScriptStep;
    if ("exit" in step) {
      // a scripted crash happens once: progress is saved first so the restarted agent goes on
      await saveProgress(root, i + 1);
      process.exit(step.exit);
    }
    await runStep(root, step, nextLine, () => hook("Stop", { session_id: sessionId }));
    await saveProgress(root, i + 1);
    if ("fail" in step) break;
  }
  // a PRP's script ends without saying so: reaching its end means done
  if (!existsSync(join(root, DONE_FILE)) && !existsSync(join(root, BLOCKED_FILE))) {
    await writeFile(join(root, DONE_FILE), `script of #${file.issue} finished (${steps.length} steps)\n`);
  }
  await hook("Stop", { session_id: sessionId });
  for (;;) {
    process.stdout.write(`heard: ${await nextLine()}\n`);
    await hook("Stop", { session_id: sessionId });
  }
}

await main();

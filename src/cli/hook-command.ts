// The body of `lanes hook EVENT`, shared by the commander command and the entry point's fast path
// (which runs it without loading commander or any other command).
import { runHook } from "../runner/run-hook.js";
import type { CliIo } from "./cli-deps.js";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Always 0: Claude Code treats exit 2 from a Stop hook as "keep going" and feeds stderr to the agent,
 * so a hook that cannot record its event says so and never steers the agent.
 */
export async function hookCommand(event: string, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const result = await runHook(event, await readStdin(), env);
    if (result.problem) io.stderr(`lanes hook: ${result.problem}\n`);
  } catch (error) {
    io.stderr(
      `lanes hook: could not record ${event}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  return 0;
}

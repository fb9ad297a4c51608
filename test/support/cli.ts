// Runs the `lanes` CLI in-process, capturing its output, the way a user would meet it.
import { runCli } from "../../src/cli/main.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function lanes(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    env: { ...process.env, LANES_LOG_LEVEL: "silent", ...options.env },
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}

// How a stack started inside an Actions job outlives it. The runner ends the job's process group and
// every process whose environment carries the job's RUNNER_TRACKING_ID; tmux already leaves the
// group (its server daemonizes into a new session) and Tmux never passes the tracking id on. Where the
// user's systemd manager answers, the server also runs in its own scope unit, outside the runner
// service's cgroup, so stopping the runner service does not take the stack down either.
import { spawn } from "node:child_process";

/** Inside an Actions job (a hosted or self-hosted runner sets both). */
export function inActionsJob(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === "true" || (env.RUNNER_TRACKING_ID ?? "") !== "";
}

/** Whether `systemctl --user` reaches a user manager (there is none in most containers). */
export function userSystemdAnswers(env: NodeJS.ProcessEnv, timeoutMs = 5_000): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("systemctl", ["--user", "show-environment"], { env, stdio: "ignore" });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(false);
    }, timeoutMs);
    child.on("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

/**
 * The argv prefix for the command that starts the stack's tmux server: a transient `systemd --user`
 * scope inside an Actions job where systemd answers, else nothing (a new session, tracking id cleared).
 */
export async function detachedLauncher(name: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  if (!inActionsJob(env) || !(await userSystemdAnswers(env))) return [];
  return [
    "systemd-run",
    "--user",
    "--scope",
    "--quiet",
    "--collect",
    `--unit=lanes-stack-${name}-${Date.now()}`,
    "--",
  ];
}

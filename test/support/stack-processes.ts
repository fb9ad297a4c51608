// The processes a test's stack left behind: its tmux server (by socket name), its supervisor, keeper
// and status window (by `--name`), and anything whose working directory is under the test's dirs.
import { readFile, readlink, readdir } from "node:fs/promises";

export interface StackProcess {
  pid: number;
  command: string;
}

export async function processesOfStack(name: string, dirs: readonly string[]): Promise<StackProcess[]> {
  const found: StackProcess[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const command = (await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => ""))
      .replace(/\0/g, " ")
      .trim();
    if (command === "") continue; // a zombie or a kernel thread
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue;
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => "");
    const ours =
      command.includes(`lanes-${name} `) ||
      command.includes(`--name ${name}`) ||
      dirs.some((dir) => cwd === dir || cwd.startsWith(`${dir}/`));
    if (ours) found.push({ pid: Number(entry), command });
  }
  return found;
}

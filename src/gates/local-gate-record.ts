// Gate results kept on this machine for local mode (no GitHub): `lanes gate --all --branch B` records what
// each gate concluded on B's commit, and `lanes integrate --ready --stack S` reads it back. One JSON file
// per commit under the repository's git directory (.git/lanes/gates/<sha>.json); a new commit has none.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { gitIn, type GitRepo } from "../git/git-repo.js";

export const GateRecordSchema = z.object({
  commit: z.string(),
  branch: z.string(),
  at: z.string(),
  gates: z.array(
    z.object({
      /** The check-run name, `lanes/<gate>`. */
      name: z.string(),
      mode: z.string(),
      conclusion: z.enum(["success", "failure", "neutral"]),
      title: z.string(),
    }),
  ),
});
export type GateRecord = z.infer<typeof GateRecordSchema>;

async function recordDir(repo: GitRepo): Promise<string> {
  const { stdout } = await gitIn(repo, ["rev-parse", "--path-format=absolute", "--git-common-dir"]);
  return join(stdout.trim(), "lanes", "gates");
}

export async function writeGateRecord(repo: GitRepo, record: GateRecord): Promise<void> {
  const dir = await recordDir(repo);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${record.commit}.json`);
  await writeFile(`${file}.tmp`, `${JSON.stringify(GateRecordSchema.parse(record), null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

/** The record of each commit that has one (an unreadable file counts as none). */
export async function readGateRecords(
  repo: GitRepo,
  commits: readonly string[],
): Promise<Map<string, GateRecord>> {
  const dir = await recordDir(repo);
  const found = new Map<string, GateRecord>();
  await Promise.all(
    commits.map(async (commit) => {
      const text = await readFile(join(dir, `${commit}.json`), "utf8").catch(() => undefined);
      if (text === undefined) return;
      try {
        const parsed = GateRecordSchema.safeParse(JSON.parse(text));
        if (parsed.success) found.set(commit, parsed.data);
      } catch {
        // a half-written file is no record
      }
    }),
  );
  return found;
}

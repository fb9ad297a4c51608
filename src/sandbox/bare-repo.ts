// A sandbox repository's git side: a bare repo that `git clone` / `git push` use directly by path,
// with a post-receive hook that tells the sandbox about pushes over loopback HTTP.
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GitError, runGit, treeMerge, type TreeMergeResult } from "../git/index.js";

export interface PushNotice {
  url: string;
  secret: string;
  fullName: string;
}

function hookScript(notice: PushNotice): string {
  return `#!${process.execPath}
// Written by the Lanes sandbox: reports ref updates so the sandbox can send push webhooks.
const updates = require("node:fs").readFileSync(0, "utf8").split("\\n").filter(Boolean).map((line) => {
  const [before, after, ref] = line.split(" ");
  return { before, after, ref };
});
fetch(${JSON.stringify(notice.url)}, {
  method: "POST",
  headers: { "content-type": "application/json", "x-sandbox-secret": ${JSON.stringify(notice.secret)} },
  body: JSON.stringify({ repo: ${JSON.stringify(notice.fullName)}, pusher: process.env.LANES_SANDBOX_USER || null, updates }),
}).then(async (r) => { if (!r.ok) process.stderr.write("sandbox refused the push notice: " + r.status + " " + (await r.text()) + "\\n"); })
  .catch((e) => process.stderr.write("sandbox unreachable: " + e.message + "\\n"));
`;
}

export async function createBareRepo(dir: string, defaultBranch: string, notice: PushNotice): Promise<void> {
  await mkdir(dir, { recursive: true });
  await runGit(["init", "-q", "--bare", "-b", defaultBranch], { cwd: dir });
  const hook = join(dir, "hooks", "post-receive");
  await writeFile(hook, hookScript(notice));
  await chmod(hook, 0o755);
}

export const ZERO_SHA = "0000000000000000000000000000000000000000";

export async function resolveRef(gitDir: string, ref: string): Promise<string | null> {
  const result = await runGit(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
    cwd: gitDir,
    okExitCodes: [1, 128],
  });
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

export async function commitExists(gitDir: string, sha: string): Promise<boolean> {
  return /^[0-9a-f]{40}$/.test(sha) && (await resolveRef(gitDir, sha)) !== null;
}

export async function updateRef(
  gitDir: string,
  ref: string,
  sha: string,
  expectedOld?: string,
): Promise<void> {
  await runGit(["update-ref", ref, sha, ...(expectedOld ? [expectedOld] : [])], { cwd: gitDir });
}

/** Every ref whose full name starts with `prefix` (a plain string prefix, like GitHub's matching-refs), by name. */
export async function listRefs(gitDir: string, prefix: string): Promise<{ ref: string; sha: string }[]> {
  const out = (await runGit(["for-each-ref", "--format=%(refname) %(objectname)", "refs/"], { cwd: gitDir }))
    .stdout;
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [ref = "", sha = ""] = line.split(" ");
      return { ref, sha };
    })
    .filter((r) => r.ref.startsWith(prefix))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}

export async function isAncestor(gitDir: string, ancestor: string, descendant: string): Promise<boolean> {
  return (
    (await runGit(["merge-base", "--is-ancestor", ancestor, descendant], { cwd: gitDir, okExitCodes: [1] }))
      .exitCode === 0
  );
}

export interface BlobFile {
  sha: string;
  size: number;
  content: Buffer;
}

export async function readBlob(gitDir: string, ref: string, path: string): Promise<BlobFile | null> {
  try {
    const spec = `${ref}:${path}`;
    const type = (await runGit(["cat-file", "-t", spec], { cwd: gitDir })).stdout.trim();
    if (type !== "blob") return null;
    const sha = (await runGit(["rev-parse", spec], { cwd: gitDir })).stdout.trim();
    const content = Buffer.from((await runGit(["cat-file", "blob", sha], { cwd: gitDir })).stdout, "utf8");
    return { sha, size: content.length, content };
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}

export interface ChangedFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed";
  additions: number;
  deletions: number;
  changes: number;
}

const STATUS: Record<string, ChangedFile["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
};

/** Files changed between the merge base of base and head, and head (what a PR shows). */
export async function changedFiles(gitDir: string, base: string, head: string): Promise<ChangedFile[]> {
  const mergeBase = (await runGit(["merge-base", base, head], { cwd: gitDir })).stdout.trim();
  const numstat = (await runGit(["diff", "--numstat", "--no-renames", mergeBase, head], { cwd: gitDir }))
    .stdout;
  const names = (await runGit(["diff", "--name-status", "--no-renames", mergeBase, head], { cwd: gitDir }))
    .stdout;
  const statusOf = new Map(
    names
      .split("\n")
      .filter(Boolean)
      .map((l) => {
        const [code = "M", file = ""] = l.split("\t");
        return [file, STATUS[code.charAt(0)] ?? "modified"] as const;
      }),
  );
  return numstat
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [add = "0", del = "0", filename = ""] = line.split("\t");
      const additions = Number(add) || 0;
      const deletions = Number(del) || 0;
      return {
        filename,
        status: statusOf.get(filename) ?? "modified",
        additions,
        deletions,
        changes: additions + deletions,
      };
    });
}

export interface CommitSummary {
  id: string;
  tree_id: string;
  message: string;
  timestamp: string;
  author: { name: string; email: string };
  committer: { name: string; email: string };
}

/** Commits reachable from `after` and not from `before` (newest last), at most 20 like GitHub's push payload. */
export async function commitsBetween(
  gitDir: string,
  before: string | null,
  after: string,
): Promise<CommitSummary[]> {
  const range = before ? [`${before}..${after}`] : [after, "-n", "20"];
  const out = (
    await runGit(
      ["log", "--reverse", "--format=%H%x1f%T%x1f%aI%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B%x1e", ...range],
      { cwd: gitDir },
    )
  ).stdout;
  return out
    .split("\x1e")
    .map((r) => r.trim())
    .filter(Boolean)
    .slice(-20)
    .map((record) => {
      const [id = "", tree = "", time = "", an = "", ae = "", cn = "", ce = "", message = ""] =
        record.split("\x1f");
      return {
        id,
        tree_id: tree,
        message: message.trim(),
        timestamp: time,
        author: { name: an, email: ae },
        committer: { name: cn, email: ce },
      };
    });
}

export function mergeCommits(
  gitDir: string,
  ours: string,
  theirs: string,
  message: string,
  by: string,
): Promise<TreeMergeResult> {
  return treeMerge({
    cwd: gitDir,
    ours,
    theirs,
    message,
    author: { name: by, email: `${by}@users.noreply.sandbox` },
  });
}

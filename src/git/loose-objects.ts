// Writes git objects as loose files straight into the object database (deflated, named by their hash), so
// every git process sees them at once: no process per object and no pack to flush. Never writes a ref.
import { createHash, randomUUID } from "node:crypto";
import { access, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { deflate } from "node:zlib";
import { gitIn, type GitRepo } from "./git-repo.js";

const deflateAsync = promisify(deflate);

export type LooseObjectType = "commit" | "tree" | "blob";

export interface LooseObjects {
  /** Writes the object (unless present) and resolves to its id. */
  write(type: LooseObjectType, content: Buffer): Promise<string>;
}

export interface CommitObject {
  tree: string;
  parents: readonly string[];
  /** "Name <email> seconds tz", as `git var GIT_AUTHOR_IDENT` prints it. */
  author: string;
  committer: string;
  message: string;
}

/** The bytes of a commit object, as `git commit-tree` writes them (no encoding header: UTF-8). */
export function commitContent(commit: CommitObject): Buffer {
  const body = commit.message.endsWith("\n") ? commit.message : `${commit.message}\n`;
  const lines = [
    `tree ${commit.tree}`,
    ...commit.parents.map((p) => `parent ${p}`),
    `author ${commit.author}`,
    `committer ${commit.committer}`,
  ];
  return Buffer.from(`${lines.join("\n")}\n\n${body}`, "utf8");
}

/** The object directory (GIT_OBJECT_DIRECTORY and worktrees honoured) and its hash, from one rev-parse. */
export async function openLooseObjects(repo: GitRepo): Promise<LooseObjects> {
  const { stdout } = await gitIn(repo, [
    "rev-parse",
    "--path-format=absolute",
    "--git-path",
    "objects",
    "--show-object-format",
  ]);
  const [dir = "", format = "sha1"] = stdout.trim().split("\n");
  return {
    async write(type, content) {
      const header = Buffer.from(`${type} ${content.length}\0`, "utf8");
      const id = createHash(format === "sha256" ? "sha256" : "sha1")
        .update(header)
        .update(content)
        .digest("hex");
      const folder = join(dir, id.slice(0, 2));
      const file = join(folder, id.slice(2));
      if (await exists(file)) return id;
      await mkdir(folder, { recursive: true });
      // Written aside, then renamed: a reader never sees a half-written object.
      const temp = join(folder, `tmp_obj_${randomUUID()}`);
      try {
        await writeFile(temp, await deflateAsync(Buffer.concat([header, content])), { mode: 0o444 });
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return id;
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

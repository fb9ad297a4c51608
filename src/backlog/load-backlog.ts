// Reads a backlog folder of markdown PRPs (before they are ingested into issues): the file I/O that keeps
// src/prp pure. The id comes from the file name: its leading number (`03-auth-api.md` → 3) or else its
// slug (`auth-api.md` → auth-api).
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { PrpReadError } from "../prp/errors.js";

export interface BacklogFile {
  id: string;
  /** Other names a dependency may use for this PRP: the file stem and its slug. */
  aliases: string[];
  /** Path of the file, as given (dir joined with the name). */
  file: string;
  text: string;
}

export function backlogIdOf(name: string): { id: string; aliases: string[] } {
  const stem = name.replace(/\.md$/i, "");
  const numbered = /^(\d{1,15})(?:[-_. ]+(.*))?$/.exec(stem);
  if (numbered) {
    const slug = numbered[2]?.trim();
    return { id: String(Number(numbered[1])), aliases: [stem, ...(slug ? [slug] : [])] };
  }
  return { id: stem, aliases: [] };
}

export async function loadBacklog(dir: string): Promise<BacklogFile[]> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory())
      throw new PrpReadError(`${dir} is not a folder; expected a folder of .md PRPs`);
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof PrpReadError) throw error;
    throw new PrpReadError(`cannot read backlog folder ${dir}: it does not exist or is not readable`, {
      cause: error,
      context: { dir },
    });
  }
  const files = names
    .filter((n) => /\.md$/i.test(n) && !/^readme\.md$/i.test(n))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return Promise.all(
    files.map(async (name) => {
      const file = join(dir, name);
      return { ...backlogIdOf(name), file, text: await readFile(file, "utf8") };
    }),
  );
}

// Metadata kept in a two-column markdown table (`| Field | Value |`, `| Priority | High |`), as some
// PRP templates do under a `## Metadata` heading. Values are strings; lists are comma-separated.
import type { RawEntry } from "./read-fields.js";

const HEADER_WORDS = /^(field|key|property|attribute|metadata|name|item)$/i;
const NONE = /^(none|n\/a|-|—|–)?(\s*\(.*\))?$/i;

function cells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|")) return undefined;
  const inner = trimmed.replace(/^\|/, "").replace(/\|$/, "");
  return inner.split("|").map((c) => c.trim());
}

const isDivider = (row: string[]) => row.every((c) => /^:?-{2,}:?$/.test(c));

/** Strips markdown emphasis and code ticks around a cell: `**High**` → High, `` `src/**` `` → src/**. */
function plain(cell: string): string {
  return cell
    .replace(/^\*\*(.*)\*\*$/, "$1")
    .replace(/^_(.*)_$/, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .trim();
}

/**
 * The rows of the first metadata table in `lines` (outside code fences): a two-column table whose
 * header reads Field/Key/Property, or any two-column table right under a heading named Metadata.
 */
export function readMetadataTable(lines: readonly string[], firstLine: number): RawEntry[] | undefined {
  let fence: string | undefined;
  let lastHeading = "";
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence !== undefined) continue;
    if (/^#{1,6}\s/.test(line)) lastHeading = line.replace(/^#+\s*/, "").trim();
    const header = cells(line);
    const divider = cells(lines[i + 1] ?? "");
    if (!header || !divider || header.length !== 2 || !isDivider(divider)) continue;
    if (!HEADER_WORDS.test(plain(header[0] as string)) && !/^metadata$/i.test(lastHeading)) continue;
    const entries: RawEntry[] = [];
    for (let j = i + 2; j < lines.length; j += 1) {
      const row = cells(lines[j] as string);
      if (!row) break;
      const key = plain(row[0] ?? "");
      const value = plain(row.slice(1).join("|"));
      if (key === "") continue;
      entries.push({ key, value: NONE.test(value) && !/^\(/.test(value) ? "" : value, line: firstLine + j });
    }
    return entries;
  }
  return undefined;
}

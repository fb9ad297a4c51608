// Decides what a metadata key is: one of ours (or an accepted spelling of it), a likely typo of
// ours (an error that names the key we think was meant), or a foreign key kept as metadata.
import { closestWord } from "../text/closest-word.js";
import { FIELD_NAMES, KEY_ALIASES, KNOWN_FOREIGN_KEYS, type FieldName } from "./schema.js";

export type KeyKind =
  { kind: "ours"; field: FieldName } | { kind: "typo"; suggestion: FieldName } | { kind: "foreign" };

/** `dependsOn`, `Depends-On` and `depends on` all become `depends_on`. */
export function normalizeKey(key: string): string {
  return key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const OURS = new Set<string>(FIELD_NAMES);
const SPELLINGS = [...FIELD_NAMES, ...Object.keys(KEY_ALIASES)];

export function classifyKey(key: string): KeyKind {
  const normal = normalizeKey(key);
  if (OURS.has(normal)) return { kind: "ours", field: normal as FieldName };
  if (Object.hasOwn(KEY_ALIASES, normal)) return { kind: "ours", field: KEY_ALIASES[normal] as FieldName };
  if (KNOWN_FOREIGN_KEYS.includes(normal)) return { kind: "foreign" };
  const near = closestWord(normal, SPELLINGS);
  if (near !== undefined)
    return {
      kind: "typo",
      suggestion: (Object.hasOwn(KEY_ALIASES, near) ? KEY_ALIASES[near] : near) as FieldName,
    };
  return { kind: "foreign" };
}

/** Whether a key is worth treating a loose `key: value` header as metadata at all. */
export function isRecognisedKey(key: string): boolean {
  const kind = classifyKey(key);
  return kind.kind === "ours" || KNOWN_FOREIGN_KEYS.includes(normalizeKey(key));
}

// Renders docs/lanes-yml.md from the schema, the key docs and the refused keys. Pure: the script
// `scripts/gen-config-reference.ts` writes the file and a test compares it with this output.
import { describeConfig } from "./describe-config.js";
import { KEY_DOCS } from "./key-docs.js";
import { RETIRED_KEYS } from "./retired-keys.js";
import { LanesConfigSchema } from "./schema.js";
import { ConfigDocsError } from "./errors.js";

const cell = (text: string): string => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The one line that documents `path`; a key without one is a schema change the docs missed. */
export function docOf(path: string): { doc: string; example?: string } {
  const entry = KEY_DOCS[path];
  if (entry === undefined)
    throw new ConfigDocsError(`lanes.yml key "${path}" has no description in src/config/key-docs.ts`);
  return entry;
}

export function renderConfigReference(): string {
  const rows = describeConfig(LanesConfigSchema)
    .filter((key) => !key.section)
    .map((key) => {
      const { doc, example } = docOf(key.path);
      const fallback =
        key.fallback === undefined
          ? `unset${example ? ` (e.g. \`${example}\`)` : ""}`
          : `\`${JSON.stringify(key.fallback)}\``;
      return `| \`${key.path}\` | ${cell(key.type)} | ${cell(fallback)} | ${cell(doc)} |`;
    });
  const refused = Object.entries(RETIRED_KEYS).map(([path, why]) => `| \`${path}\` | ${cell(why)} |`);
  return [
    "# `.github/lanes.yml` reference",
    "",
    "<!-- Generated from src/config/schema.ts and src/config/key-docs.ts by `npm run gen:config-reference`; do not edit. -->",
    "",
    "Every key is optional: an empty file (or none) is the complete default configuration. An unknown key is",
    "an error, reported by `lanes config check` with its line and the key you probably meant. `lanes init`",
    "writes this file with every key at its default.",
    "",
    "| Key | Type | Default | What it does |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "## Refused keys",
    "",
    "These keys were once accepted but nothing read them; `lanes config check` refuses them with the reason.",
    "",
    "| Key | Why, and what to use instead |",
    "| --- | --- |",
    ...refused,
    "",
  ].join("\n");
}

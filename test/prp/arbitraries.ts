// fast-check generators of PRP texts in our shapes: front matter with valid and foreign keys,
// and bodies made of headings, checklists, code blocks and prose.
import fc from "fast-check";
import { ROLE_NAMES } from "../../src/domain/role-names.js";
import { dumpYaml } from "../../src/prp/load-yaml.js";

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const line = fc.string({ maxLength: 60 }).map((s) => s.replace(/\n/g, " "));

export const frontMatterArb = fc.record(
  {
    role: fc.constantFrom(...ROLE_NAMES, "Developer", "devops"),
    priority: fc.constantFrom("critical", "high", "Medium", "low", "P0", "p2"),
    depends_on: fc.array(
      fc.oneof(
        fc.integer({ min: 1, max: 99_999 }),
        word,
        fc.integer({ min: 1, max: 999 }).map((n) => `#${n}`),
      ),
      { maxLength: 4 },
    ),
    paths: fc.array(
      word.map((w) => `src/${w}/**`),
      { maxLength: 3 },
    ),
    validation: fc.array(
      line.filter((s) => s.trim().length > 0),
      { maxLength: 3 },
    ),
    timeout_minutes: fc.integer({ min: 1, max: 600 }),
    model: fc.constantFrom("sonnet", "opus", "haiku"),
    deadline: fc
      .date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    status: fc.constantFrom("new", "ready", "done"),
    prp_id: word,
    tags: fc.array(word, { maxLength: 3 }),
    context_sync: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);

const block = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.oneof(
        line,
        fc.constantFrom("Goal", "Success Criteria", "Validation Loop", "Acceptance Criteria", "What"),
      ),
    )
    .map(([level, text]) => `${"#".repeat(level)} ${text}`),
  fc.tuple(fc.boolean(), line).map(([done, text]) => `- [${done ? "x" : " "}] ${text}`),
  fc
    .tuple(fc.constantFrom("bash", "", "sh", "python", "console"), fc.array(line, { maxLength: 4 }))
    .map(([lang, code]) => ["```" + lang, ...code, "```"].join("\n")),
  fc.tuple(word, line).map(([k, v]) => `${k}: ${v}`),
  fc.constantFrom("---", "", "| Field | Value |\n|---|---|\n| Priority | High |\n| Depends on | #3, #4 |"),
  line,
);

export const bodyArb = fc.array(block, { maxLength: 12 }).map((blocks) => blocks.join("\n"));

/** A whole PRP: sometimes with front matter, sometimes without (then the body's own shape decides). */
export const prpTextArb = fc
  .tuple(fc.option(frontMatterArb, { nil: undefined }), bodyArb)
  .map(([data, body]) => (data === undefined ? body : `---\n${dumpYaml(data)}---\n${body}`));

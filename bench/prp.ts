// PRP core benchmarks: parsing the shapes people write (against a bare front-matter split + yaml parse
// as the baseline), rendering, and ordering a large backlog (against a naive repeated-scan sort).
import { readFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { buildGraph, compareIds, type GraphNode } from "../src/prp/graph.js";
import { parsePrp } from "../src/prp/parse-prp.js";
import { PRIORITIES } from "../src/domain/priority.js";
import { renderPrp } from "../src/prp/render-prp.js";
import { compare, summarize, time, type BenchResult } from "./stats.js";

function backlog(size: number): GraphNode[] {
  // Each PRP depends on up to three earlier ones, chosen deterministically.
  return Array.from({ length: size }, (_, i) => ({
    id: String(i + 1),
    priority: PRIORITIES[(i * 7) % 4] as GraphNode["priority"],
    dependsOn: [i - 1, i - 5, i - 17].filter((d) => d > 0 && (i + d) % 3 !== 0).map(String),
  }));
}

/** The obvious algorithm: scan the whole list for a ready node, take the best, repeat. O(n²). */
function naiveOrder(nodes: readonly GraphNode[]): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const rank = (n: GraphNode) => PRIORITIES.indexOf(n.priority);
  while (order.length < nodes.length) {
    const ready = nodes.filter((n) => !done.has(n.id) && n.dependsOn.every((d) => done.has(d)));
    ready.sort((a, b) => rank(a) - rank(b) || compareIds(a.id, b.id));
    const next = ready[0];
    if (!next) break;
    done.add(next.id);
    order.push(next.id);
  }
  return order;
}

/** The least a parser can do: cut the front matter at its `---` lines and parse it as YAML. */
function bareSplit(text: string): { data: unknown; content: string } {
  const close = text.startsWith("---\n") ? text.indexOf("\n---", 3) : -1;
  if (close === -1) return { data: {}, content: text };
  return { data: parse(text.slice(4, close)), content: text.slice(text.indexOf("\n", close + 1) + 1) };
}

async function parsing(): Promise<BenchResult[]> {
  const fixture = (name: string) =>
    readFileSync(new URL(`../test/fixtures/prp/${name}`, import.meta.url), "utf8");
  const typical = fixture("front-matter.md");
  const template = fixture("template-layout.md");
  // GitHub caps an issue body at 65,536 characters.
  const large =
    `# Large\n\n## Success Criteria\n${"- [ ] a criterion with some words in it\n".repeat(600)}\n## Validation\n\`\`\`bash\n${"npm test -- part\n".repeat(1000)}\`\`\`\n`.slice(
      0,
      60_000,
    );
  const baseline = summarize(
    "bare split + yaml parse only (no validation, no sections)",
    await time(() => bareSplit(typical), 2000, 50),
  );
  const parsed = parsePrp(typical).prp;
  const results = [
    compare(
      summarize("prp.parse(front-matter PRP)", await time(() => parsePrp(typical), 2000, 50)),
      baseline,
    ),
    compare(
      summarize("prp.parse(template-layout PRP)", await time(() => parsePrp(template), 2000, 50)),
      baseline,
    ),
    // No front matter to split, so no bare baseline: the time is all sections and criteria.
    summarize("prp.parse(60 kB issue body)", await time(() => parsePrp(large), 100, 5)),
  ];
  if (parsed) {
    // The baseline writes the same front matter with a bare yaml stringify (no key order, no checks).
    const { data, content } = bareSplit(typical);
    const bare = summarize(
      "bare yaml stringify of the same PRP",
      await time(() => `---\n${stringify(data)}---\n${content}`, 2000, 50),
    );
    results.push(compare(summarize("prp.render", await time(() => renderPrp(parsed), 2000, 50)), bare));
  }
  return results;
}

export async function run(): Promise<BenchResult[]> {
  const nodes = backlog(2_000);
  if (buildGraph(nodes).order.join(",") !== naiveOrder(nodes).join(","))
    throw new Error("buildGraph and the naive order disagree");
  const ours = summarize("prp.graph.order(2000 PRPs)", await time(() => buildGraph(nodes), 15, 2));
  const naive = summarize("naive repeated scan", await time(() => naiveOrder(nodes), 5, 1));
  return [...(await parsing()), compare(ours, naive)];
}

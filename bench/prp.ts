// Benchmarks the PRP parser: a typical PRP, the full template layout, and a 60 kB issue body
// (GitHub's limit is 65,536 characters). Prints JSON only.
import { readFileSync } from "node:fs";
import { parsePrp } from "../src/prp/parse-prp.js";
import { renderPrp } from "../src/prp/render-prp.js";

export interface BenchResult {
  name: string;
  n: number;
  median_ms: number;
  p95_ms: number;
  baseline?: { name: string; median_ms: number };
  ratio?: number;
}

function measure(name: string, n: number, work: () => void): BenchResult {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(4));
  return { name, n, median_ms: at(0.5), p95_ms: at(0.95) };
}

export async function run(): Promise<BenchResult[]> {
  const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/prp/${name}`, import.meta.url), "utf8");
  const typical = fixture("front-matter.md");
  const template = fixture("template-layout.md");
  const large = `# Large\n\n## Success Criteria\n${"- [ ] a criterion with some words in it\n".repeat(600)}\n## Validation\n\`\`\`bash\n${"npm test -- part\n".repeat(1000)}\`\`\`\n`.slice(0, 60_000);
  const parsed = parsePrp(typical).prp;
  const results = [
    measure("parse front-matter PRP", 2000, () => parsePrp(typical)),
    measure("parse template-layout PRP", 2000, () => parsePrp(template)),
    measure("parse 60 kB issue body", 100, () => parsePrp(large)),
  ];
  if (parsed) results.push(measure("render PRP", 2000, () => renderPrp(parsed)));
  return results;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}

// `npm run bench [-- name…]`: runs the named benchmarks (all by default) and prints one JSON document.
import type { BenchResult } from "./stats.js";

type Bench = () => Promise<{ run: () => Promise<BenchResult[]> }>;

const benches: Record<string, Bench> = {
  prp: () => import("./prp.js"),
  integrate: () => import("./integrate.js"),
  github: () => import("./github.js"),
  runner: () => import("./runner.js"),
  state: () => import("./state.js"),
  app: () => import("./app.js"),
  cli: () => import("./cli.js"),
  dashboard: () => import("./dashboard.js"),
  commands: () => import("./commands.js"),
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = requested.filter((name) => !(name in benches));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(", ")}; choose from: ${Object.keys(benches).join(", ")}`);
    process.exitCode = 2;
    return;
  }
  const names = requested.length > 0 ? requested : Object.keys(benches);
  const results: Record<string, BenchResult[]> = {};
  for (const name of names) {
    const load = benches[name] as Bench;
    results[name] = await (await load()).run();
  }
  console.log(JSON.stringify({ node: process.version, results }, null, 2));
}

await main();

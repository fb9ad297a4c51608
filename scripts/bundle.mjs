// Bundles the CLI: `npm run bundle` → action/dist/lanes.mjs (plus the script agent's entry and shared
// chunks), so a workflow runs Lanes with no npm ci and no build; `npm run build` and scripts/bootstrap →
// dist/bin/lanes.mjs, the package's `bin` (one file per command to load instead of hundreds of modules:
// ~0.2 s less CPU per run). Dynamic imports stay separate chunks (splitting), so commands still load
// lazily. The release workflow commits action/dist/ on the release tag only; main keeps it out of git.
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

// An output directory may be given (tests bundle into a temp directory); the default is the action's.
const outdir = process.argv[2] ?? new URL("../action/dist/", import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    lanes: new URL("../src/cli/main.ts", import.meta.url).pathname,
    "script-agent-main": new URL("../src/runner/agents/script-agent-main.ts", import.meta.url).pathname,
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "linked",
  logLevel: "warning",
  // The bundle has no package.json beside it; src/cli/version.ts and src/runner/lanes-command.ts read these.
  define: { __LANES_VERSION__: JSON.stringify(version), __LANES_BUNDLE__: "true" },
  // CommonJS dependencies call require() and read __dirname; ESM output has neither unless given them.
  banner: {
    js: [
      'import { createRequire as __lanesCreateRequire } from "node:module";',
      'import { fileURLToPath as __lanesFileURLToPath } from "node:url";',
      "const require = __lanesCreateRequire(import.meta.url);",
      "const __filename = __lanesFileURLToPath(import.meta.url);",
      'const __dirname = __lanesFileURLToPath(new URL(".", import.meta.url));',
    ].join("\n"),
  },
});
// Both entries are run as programs (the package's bin, a tmux pane's script agent).
for (const entry of ["lanes.mjs", "script-agent-main.mjs"]) chmodSync(join(outdir, entry), 0o755);

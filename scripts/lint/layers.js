// The layers of docs/architecture.md §5 as an eslint-plugin-boundaries rule: each src/ folder is one
// element, and TALKS_TO is the table's "talks to" column: the folders each one may import. A new folder is
// one line here and one row in the table. Test files, bench and scripts are not constrained.

/** Folders anyone may import: logging and metrics, the shared words, pure string helpers. */
const EVERYONE = ["observe", "domain", "text"];

/** Top to bottom; a folder only imports folders below it. */
const TALKS_TO = {
  install: ["config"],
  app: ["dashboard", "runner", "integrate", "gates", "state", "github", "prp", "config"],
  dashboard: ["state"],
  sandbox: ["git", "prp"],
  runner: ["backlog", "state", "github", "git", "prp", "config"],
  integrate: ["backlog", "gates", "state", "github", "git", "prp", "config"],
  gates: ["github", "git", "prp", "config"],
  backlog: ["prp"],
  state: [],
  github: [],
  git: [],
  prp: [],
  config: [],
  observe: [],
  domain: [],
  text: [],
};

/** The CLI wires everything together. */
const LAYERS = { cli: Object.keys(TALKS_TO), ...TALKS_TO };

/** Layers that stay pure: no Node built-ins (files, processes, network), so they test without I/O. */
const PURE = ["prp", "domain", "text"];

export const layerSettings = {
  "import/resolver": { "./scripts/lint/ts-resolver.cjs": {} },
  "boundaries/dependency-nodes": ["import", "export", "dynamic-import"],
  "boundaries/elements": Object.keys(LAYERS).map((type) => ({ type, pattern: `src/${type}` })),
  /** src/errors.ts, the base of every area's errors, is a file of its own rather than a layer. */
  "boundaries/files": [{ category: "base-errors", pattern: "src/errors.ts" }],
};

export const layerRule = [
  "error",
  {
    default: "disallow",
    // Packages and Node built-ins are checked too (see PURE); a src/ file outside every layer is an error.
    checkAllOrigins: true,
    checkUnknownLocals: true,
    policies: [
      { allow: { to: { module: { origin: ["external", "core"] } } } },
      { allow: { to: { file: { categories: "base-errors" } } } },
      ...Object.entries(LAYERS).map(([type, below]) => ({
        from: { element: { type } },
        allow: { to: { element: { type: [type, ...below, ...EVERYONE] } } },
      })),
      { from: { element: { type: PURE } }, disallow: { to: { module: { origin: "core" } } } },
    ],
  },
];

// What a lane's agent may do without asking, as Claude Code permission rules: read and edit inside
// its worktree, git on its own branch, the PRP's validation commands and the project's package
// manager; never push, switch branches or read the host's secrets. Pure: the caller finds the facts.
import type { PermissionRules } from "../config/usage-schema.js";

export type PermissionMode = "dontAsk" | "bypassPermissions";

export interface ClaudePermissions {
  /** `dontAsk` denies whatever no rule allows, so an unattended lane never waits on a prompt. */
  defaultMode: PermissionMode;
  allow: string[];
  deny: string[];
}

export interface LanePermissionsInput {
  worktree: string;
  validation: readonly string[];
  packageManager?: PackageManager | undefined;
  /** `permissions` of lanes.yml, then the role's own `roles.<role>.permissions`. */
  configured: readonly PermissionRules[];
  /** `runner.sandboxed`: the host is disposable, so the agent bypasses every check. */
  sandboxed: boolean;
}

export const PACKAGE_MANAGERS = [
  "npm",
  "pnpm",
  "yarn",
  "bun",
  "cargo",
  "go",
  "uv",
  "poetry",
  "make",
] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** The build and test subcommands of each package manager (installing dependencies included). */
const MANAGER_COMMANDS: Record<PackageManager, readonly string[]> = {
  npm: ["npm test", "npm run", "npm ci", "npm install", "npx"],
  pnpm: ["pnpm test", "pnpm run", "pnpm install", "pnpm exec"],
  yarn: ["yarn test", "yarn run", "yarn install"],
  bun: ["bun test", "bun run", "bun install"],
  cargo: ["cargo build", "cargo test", "cargo check", "cargo fmt", "cargo clippy"],
  go: ["go build", "go test", "go vet", "go fmt"],
  uv: ["uv run", "uv sync"],
  poetry: ["poetry run", "poetry install"],
  make: ["make"],
};

/** Git that stays on the lane's branch: inspect, stage, commit. */
const GIT_ALLOWED = [
  "status",
  "diff",
  "log",
  "show",
  "add",
  "commit",
  "restore",
  "rm",
  "mv",
  "stash",
  "blame",
];
/** Git that would leave the branch, rewrite it, reach a remote or change the repository's setup. */
const GIT_DENIED = [
  "push",
  "checkout",
  "switch",
  "rebase",
  "merge",
  "reset --hard",
  "branch -D",
  "remote",
  "config",
  "worktree",
  "fetch",
  "pull",
];
/** The host's credentials: denied even if a broader rule would allow reading them. */
const SECRET_READS = ["~/.ssh/**", "~/.aws/**", "~/.config/gh/**", "~/.netrc", "~/.git-credentials"];

export function lanePermissions(input: LanePermissionsInput): ClaudePermissions {
  const root = `/${input.worktree.replace(/\/+$/, "")}/**`;
  const manager = input.packageManager ? MANAGER_COMMANDS[input.packageManager] : [];
  const allow = [
    `Read(${root})`,
    `Edit(${root})`,
    "Glob",
    "Grep",
    "TodoWrite",
    ...GIT_ALLOWED.map((sub) => `Bash(git ${sub}:*)`),
    ...manager.map((command) => `Bash(${command}:*)`),
    ...input.validation.map((command) => `Bash(${command.trim()})`),
    ...input.configured.flatMap((rules) => rules.allow),
  ];
  const deny = [
    ...GIT_DENIED.map((sub) => `Bash(git ${sub}:*)`),
    ...SECRET_READS.map((path) => `Read(${path})`),
    ...input.configured.flatMap((rules) => rules.deny),
  ];
  return {
    defaultMode: input.sandboxed ? "bypassPermissions" : "dontAsk",
    allow: [...new Set(allow)],
    deny: [...new Set(deny)],
  };
}

const LOCK_FILES: readonly [string, PackageManager][] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lockb", "bun"],
  ["bun.lock", "bun"],
  ["package-lock.json", "npm"],
  ["package.json", "npm"],
  ["Cargo.toml", "cargo"],
  ["go.mod", "go"],
  ["uv.lock", "uv"],
  ["poetry.lock", "poetry"],
  ["Makefile", "make"],
];

/** The project's package manager from the files at its root (a lock file before a manifest). */
export function packageManagerFor(files: ReadonlySet<string>): PackageManager | undefined {
  return LOCK_FILES.find(([file]) => files.has(file))?.[1];
}

// Which toolchain a repository's own commands need, from the files project-type detection reads:
// the setup steps a workflow runs before validation, and the test command to validate with. Pure.
import type { ProjectFiles } from "../config/index.js";

export interface Toolchain {
  name: "node" | "python" | "go" | "ruby" | "java" | "rust";
  /** Workflow steps as YAML lines, indented for a job's `steps:` list (6 spaces). */
  steps: string[];
  /** What validates the project, when the repository says so. */
  validation: string[];
}

const has = (files: ProjectFiles, name: string): boolean => files.paths.includes(name);

function node(files: ProjectFiles): Toolchain {
  const install = has(files, "pnpm-lock.yaml")
    ? "corepack enable && pnpm install --frozen-lockfile"
    : has(files, "yarn.lock")
      ? "corepack enable && yarn install --frozen-lockfile"
      : has(files, "package-lock.json")
        ? "npm ci"
        : "npm install";
  const version = has(files, ".nvmrc")
    ? ["        with:", "          node-version-file: .nvmrc"]
    : ["        with:", "          node-version: 20"];
  const hasTest = /"test"\s*:/.test(files.contents["package.json"] ?? "");
  return {
    name: "node",
    steps: ["      - uses: actions/setup-node@v4", ...version, `      - run: ${install}`],
    validation: hasTest ? ["npm test"] : [],
  };
}

function python(files: ProjectFiles): Toolchain {
  const install = has(files, "requirements.txt")
    ? "pip install -r requirements.txt"
    : has(files, "pyproject.toml")
      ? "pip install -e ."
      : "pip install -r requirements.txt";
  const manifests = Object.values(files.contents).join("\n");
  return {
    name: "python",
    steps: [
      "      - uses: actions/setup-python@v5",
      "        with:",
      '          python-version: "3.12"',
      `      - run: ${install}`,
    ],
    validation: /\bpytest\b/.test(manifests) ? ["python -m pytest"] : [],
  };
}

const DETECTORS: readonly {
  when: (files: ProjectFiles) => boolean;
  make: (files: ProjectFiles) => Toolchain;
}[] = [
  { when: (f) => has(f, "package.json"), make: node },
  {
    when: (f) => ["pyproject.toml", "requirements.txt", "setup.py", "Pipfile"].some((p) => has(f, p)),
    make: python,
  },
  {
    when: (f) => has(f, "go.mod"),
    make: () => ({
      name: "go",
      steps: ["      - uses: actions/setup-go@v5", "        with:", "          go-version-file: go.mod"],
      validation: ["go test ./..."],
    }),
  },
  {
    when: (f) => has(f, "Gemfile"),
    make: () => ({
      name: "ruby",
      steps: ["      - uses: ruby/setup-ruby@v1", "        with:", "          bundler-cache: true"],
      validation: [],
    }),
  },
  {
    when: (f) => has(f, "pom.xml") || has(f, "build.gradle") || has(f, "build.gradle.kts"),
    make: () => ({
      name: "java",
      steps: [
        "      - uses: actions/setup-java@v4",
        "        with:",
        "          distribution: temurin",
        '          java-version: "21"',
      ],
      validation: [],
    }),
  },
  {
    // GitHub's hosted Ubuntu image carries rustup and a stable toolchain.
    when: (f) => has(f, "Cargo.toml"),
    make: () => ({
      name: "rust",
      steps: ["      - run: rustup show active-toolchain"],
      validation: ["cargo test"],
    }),
  },
];

/** The toolchains of the repository's root manifests, in a fixed order (a repo may have several). */
export function detectToolchains(files: ProjectFiles): Toolchain[] {
  return DETECTORS.filter((d) => d.when(files)).map((d) => d.make(files));
}

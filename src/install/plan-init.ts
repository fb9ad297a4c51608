// `lanes init`, the planning half: what files a repository gets and what happens to each (create,
// unchanged, keep a different existing file, or overwrite with --force). Reads, never writes.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  DEFAULT_CONFIG_FILE,
  detectProjectType,
  readProjectFiles,
  renderConfigTemplate,
  type ProjectType,
} from "../config/index.js";
import { actionRef } from "./action-ref.js";
import { detectToolchains } from "./detect-toolchain.js";
import { NotARepositoryError } from "./errors.js";
import {
  renderGatesWorkflow,
  renderAppWorkflow,
  renderIntegrateWorkflow,
  renderStackWorkflow,
} from "./render-workflows.js";

export type InitAction = "create" | "unchanged" | "keep" | "overwrite";

export interface PlannedFile {
  /** Relative to the repository. */
  path: string;
  action: InitAction;
  what: string;
  content: string;
}

export interface InitPlan {
  dir: string;
  projectType: ProjectType;
  toolchains: string[];
  action: string;
  files: PlannedFile[];
}

export interface InitOptions {
  force: boolean;
  /** The CLI's version: workflows pin the action release of the same version. */
  version: string;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export async function planInit(dir: string, options: InitOptions): Promise<InitPlan> {
  if (!(await stat(join(dir, ".git")).catch(() => undefined)))
    throw new NotARepositoryError(
      `${dir} is not the root of a git repository; run lanes init there or pass --dir`,
      {
        context: { dir },
      },
    );
  const files = await readProjectFiles(dir);
  const toolchains = detectToolchains(files);
  const input = { action: actionRef(options.version), toolchains };
  const validation = toolchains.flatMap((t) => t.validation);
  const wanted = [
    {
      path: DEFAULT_CONFIG_FILE,
      what: "settings, every key at its default",
      content: renderConfigTemplate(validation.length > 0 ? { "integration.validation": validation } : {}),
    },
    {
      path: ".github/workflows/lanes-gates.yml",
      what: "gates on lane PRs and the merge queue",
      content: renderGatesWorkflow(input),
    },
    {
      path: ".github/workflows/lanes-stack.yml",
      what: "a stack on demand, on a runner labelled lanes",
      content: renderStackWorkflow(input),
    },
    {
      path: ".github/workflows/lanes-app.yml",
      what: "the App's handlers inside Actions, for teams without a server",
      content: renderAppWorkflow(input),
    },
    {
      path: ".github/workflows/lanes-integrate.yml",
      what: "integration on a schedule and on demand",
      content: renderIntegrateWorkflow(input),
    },
  ];
  const planned = await Promise.all(
    wanted.map(async (file): Promise<PlannedFile> => {
      const existing = await readIfPresent(join(dir, file.path));
      const action: InitAction =
        existing === undefined
          ? "create"
          : existing === file.content
            ? "unchanged"
            : options.force
              ? "overwrite"
              : "keep";
      return { ...file, action };
    }),
  );
  return {
    dir,
    projectType: detectProjectType(files).type,
    toolchains: toolchains.map((t) => t.name),
    action: input.action,
    files: planned,
  };
}

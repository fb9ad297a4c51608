// `lanes config check [FILE]`: validates `.github/lanes.yml` and lists every problem as
// `file:line: key.path: message` (or one JSON value with --json). Exit 0 valid, 1 invalid.
import { join, resolve } from "node:path";
import type { Command } from "commander";
import {
  ConfigError,
  DEFAULT_CONFIG_FILE,
  formatConfigIssue,
  readConfigFile,
  type ConfigIssue,
  type LanesConfig,
} from "../../config/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";

interface CheckReport {
  ok: boolean;
  config: LanesConfig | null;
  errors: ConfigIssue[];
}

export async function checkConfig(
  ctx: CliDeps,
  file: string | undefined,
): Promise<{ report: CheckReport; display: string; found: boolean }> {
  const display = file ?? DEFAULT_CONFIG_FILE;
  const path = file === undefined ? join(ctx.cwd, DEFAULT_CONFIG_FILE) : resolve(ctx.cwd, file);
  try {
    const { config, found } = await readConfigFile(path, { display, required: file !== undefined });
    return { report: { ok: true, config, errors: [] }, display, found };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { report: { ok: false, config: null, errors: [...error.issues] }, display, found: true };
  }
}

export function registerConfig(program: Command, ctx: CliDeps): void {
  const config = program.command("config").description("work with the repository's .github/lanes.yml");
  config
    .command("check")
    .description(
      `validate a Lanes config file (default ${DEFAULT_CONFIG_FILE}; a missing default file means all defaults)`,
    )
    .argument("[file]", "the config file to check")
    .option("--json", "print {ok, config, errors:[{path, line, message}]}")
    .action(
      action(ctx, async (file: string | undefined, opts: { json?: boolean }) => {
        const { report, display, found } = await checkConfig(ctx, file);
        emit(ctx, report, {
          json: opts.json,
          human: (r) => {
            if (!r.ok) return r.errors.map((issue) => formatConfigIssue(display, issue)).join("\n");
            return found ? `ok: ${display} is valid` : `ok: no ${display}; the defaults apply`;
          },
        });
        return report.ok ? 0 : 1;
      }),
    );
}

// Reads `.github/lanes.yml` text into a validated config. YAML is loaded with the core schema only
// (no custom or executable tags); every problem is reported with its key path and line, none is fatal
// to the caller beyond the ConfigError it throws.
import { readYaml } from "../text/read-yaml.js";
import { toConfigIssues } from "./config-issues.js";
import { ConfigError } from "./errors.js";
import { LanesConfigSchema, type LanesConfig } from "./schema.js";

export const DEFAULT_CONFIG_FILE = ".github/lanes.yml";

export interface LoadConfigOptions {
  /** The file name used in messages. */
  file?: string;
}

export function loadConfig(text: string, options: LoadConfigOptions = {}): LanesConfig {
  const file = options.file ?? DEFAULT_CONFIG_FILE;
  const read = readYaml(text);
  if (!read.ok) {
    const { at, message } = read;
    throw new ConfigError(file, [
      {
        path: "",
        line: at?.line ?? null,
        ...(at ? { column: at.column } : {}),
        message: `YAML syntax error: ${message}`,
      },
    ]);
  }
  const data = read.value ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    const found = Array.isArray(data) ? "a list" : `${typeof data} ${JSON.stringify(data)}`;
    throw new ConfigError(file, [
      { path: "", line: 1, message: `expected a mapping of settings (key: value), got ${found}` },
    ]);
  }
  const result = LanesConfigSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  throw new ConfigError(file, toConfigIssues(result.error.issues, LanesConfigSchema, read.lineOf), {
    cause: result.error,
  });
}

/** The defaults, as an empty file would give them. */
export function defaultConfig(): LanesConfig {
  return LanesConfigSchema.parse({});
}

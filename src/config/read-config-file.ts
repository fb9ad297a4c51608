// Reads and validates a config file from disk. A missing file is fine when it is the default location
// (every setting has a default) and an error when the user named it.
import { readFile } from "node:fs/promises";
import { ConfigError } from "./errors.js";
import { defaultConfig, loadConfig } from "./load-config.js";
import type { LanesConfig } from "./schema.js";

export interface ReadConfigOptions {
  /** The name used in messages (as the user wrote it); defaults to `path`. */
  display?: string;
  /** When true a missing file is an error; otherwise it means "use the defaults". */
  required: boolean;
}

export interface ConfigFile {
  config: LanesConfig;
  found: boolean;
}

export async function readConfigFile(path: string, options: ReadConfigOptions): Promise<ConfigFile> {
  const display = options.display ?? path;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !options.required) return { config: defaultConfig(), found: false };
    const message =
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a directory, expected a YAML file"
          : `cannot read the file (${code ?? "unknown error"})`;
    throw new ConfigError(display, [{ path: "", line: null, message }], { cause: error });
  }
  return { config: loadConfig(text, { file: display }), found: true };
}

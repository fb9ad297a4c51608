// Detects the project type of a directory on disk (the thin I/O edge over `detectProjectType`).
import { detectProjectType, type Detection } from "./detect-project-type.js";
import { readProjectFiles, type ReadProjectOptions } from "./read-project-files.js";

export async function detectProjectDir(dir: string, options: ReadProjectOptions = {}): Promise<Detection> {
  return detectProjectType(await readProjectFiles(dir, options));
}

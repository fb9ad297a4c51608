// The page's files: the client (plain ES modules and CSS next to this module's source) and uPlot from
// node_modules — served from this machine, never a CDN.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface StaticFile {
  body: Buffer;
  type: string;
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};

/** The client folder: beside this file in src/, or the package's src/dashboard/client from dist/. */
function clientDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(dir, "client")];
  for (;;) {
    candidates.push(join(dir, "src", "dashboard", "client"));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const found = candidates.find((c) => existsSync(join(c, "index.html")));
  if (!found) throw new Error("the dashboard's client files (src/dashboard/client) are missing");
  return found;
}

function uplotDir(): string {
  return dirname(createRequire(import.meta.url).resolve("uplot"));
}

/** URL path (under the dashboard) → file. */
function fileTable(): Record<string, string> {
  const client = clientDir();
  const uplot = uplotDir();
  return {
    "": join(client, "index.html"),
    "app.js": join(client, "app.js"),
    "render.js": join(client, "render.js"),
    "charts.js": join(client, "charts.js"),
    "style.css": join(client, "style.css"),
    "vendor/uPlot.esm.js": join(uplot, "uPlot.esm.js"),
    "vendor/uPlot.min.css": join(uplot, "uPlot.min.css"),
  };
}

export function staticFiles(): (path: string) => Promise<StaticFile | undefined> {
  const table = fileTable();
  const cache = new Map<string, StaticFile>();
  return async (path) => {
    const file = table[path];
    if (file === undefined) return undefined;
    let hit = cache.get(path);
    if (!hit) {
      hit = {
        body: await readFile(file),
        type: TYPES[file.split(".").pop() ?? ""] ?? "application/octet-stream",
      };
      cache.set(path, hit);
    }
    return hit;
  };
}

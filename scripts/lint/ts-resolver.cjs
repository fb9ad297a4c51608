// An import resolver for eslint-plugin-boundaries: the sources import TypeScript files by their
// compiled name (`./x.js` for `x.ts`, as Node ESM requires), which the stock node resolver cannot map back.
// Relative imports resolve to the .ts file beside them; package imports are left to Node (external).
const fs = require("node:fs");
const path = require("node:path");

exports.interfaceVersion = 2;

exports.resolve = function resolve(source, file) {
  if (!source.startsWith(".")) return { found: false };
  const target = path.resolve(path.dirname(file), source);
  const candidates = [target, target.replace(/\.js$/, ".ts"), `${target}.ts`, path.join(target, "index.ts")];
  const found = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  return found ? { found: true, path: found } : { found: false };
};

// Whether a changed file is inside a PRP's `paths`, with picomatch globs (`**`, `*`, `?`, `[abc]`,
// `{a,b}`). A glob starting with `!` carves files out; a glob without wildcards means the folder below it.
import picomatch from "picomatch";

/** Leading `./` dropped; `dir/` and a plain `dir` both mean everything below the folder too. */
function patternsOf(glob: string): string[] {
  const pattern = glob.replace(/^\.\//, "");
  if (pattern.endsWith("/")) return [`${pattern}**`];
  return picomatch.scan(pattern).isGlob ? [pattern] : [pattern, `${pattern}/**`];
}

/**
 * A matcher for a list of globs: a path matches when some glob takes it in (or every glob is a `!`
 * exclusion) and no `!glob` takes it out, whatever the order they are written in.
 */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const include = globs.filter((g) => !g.startsWith("!")).flatMap(patternsOf);
  const exclude = globs.filter((g) => g.startsWith("!")).flatMap((g) => patternsOf(g.slice(1)));
  // dot: a PRP that owns `src/**` owns `src/.env.example` too.
  const included = include.length === 0 ? () => true : picomatch(include, { dot: true });
  const excluded = exclude.length === 0 ? () => false : picomatch(exclude, { dot: true });
  return (path) => included(path) && !excluded(path);
}

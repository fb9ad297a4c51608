// A small glob → RegExp for PRP `paths`: `**` crosses folders, `*` and `?` stay inside one, `{a,b}` alternates.
// Written here because path.matchesGlob is still experimental on Node 20.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let source = "";
  let braces = 0;
  const pattern = glob.replace(/^\.\//, "").replace(/\/$/, "/**");
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*" && pattern[i + 1] === "*") {
      const slashAfter = pattern[i + 2] === "/";
      // `a/**/b` also matches `a/b`; a trailing `**` matches everything below.
      source += slashAfter ? "(?:.*/)?" : ".*";
      i += slashAfter ? 2 : 1;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "{") {
      braces++;
      source += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      source += ")";
    } else if (c === "," && braces > 0) source += "|";
    else source += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  const regex = new RegExp(`^${source}$`);
  cache.set(glob, regex);
  return regex;
}

/** True when the path matches one of the globs; a glob without wildcards also matches what is below it. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some(
    (glob) =>
      globToRegExp(glob).test(path) ||
      (!/[*?{]/.test(glob) && path.startsWith(`${glob.replace(/\/$/, "")}/`)),
  );
}

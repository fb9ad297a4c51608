// The issues a pull request body closes, by GitHub's closing keywords: close(s|d), fix(es|ed),
// resolve(s|d), any case, an optional colon, then `#12`, `owner/repo#12` or an issue URL. Only
// references to the PR's own repository count; code spans and fenced blocks are not read. This is how a
// lane's PR names its PRP, read alike by the gates and by the sandbox's merge (which closes the issues).

const KEYWORD = String.raw`(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)`;
const REF = String.raw`(?:#(?<local>\d+)|(?<owner>[\w.-]+)\/(?<repo>[\w.-]+)#(?<remote>\d+)|https?:\/\/[^\s/]+\/(?<urlOwner>[\w.-]+)\/(?<urlRepo>[\w.-]+)\/issues\/(?<url>\d+))`;
const CLOSING = new RegExp(String.raw`(?<![\w/#-])${KEYWORD}:?[ \t]+${REF}(?![\w/-])`, "gi");

/** Fenced blocks and inline code spans, which GitHub does not scan for references. */
const CODE = /^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))|`[^`\n]+`/gm;

const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();

/** Issue numbers in `repo` the body closes, in order of first mention, without repeats. */
export function closingIssueNumbers(
  body: string | null | undefined,
  repo: { owner: string; repo: string },
): number[] {
  const text = (body ?? "").replace(CODE, " ");
  const found: number[] = [];
  for (const match of text.matchAll(CLOSING)) {
    const g = match.groups ?? {};
    const number =
      g.local ??
      (same(g.owner, repo.owner) && same(g.repo, repo.repo) ? g.remote : undefined) ??
      (same(g.urlOwner, repo.owner) && same(g.urlRepo, repo.repo) ? g.url : undefined);
    const n = Number(number);
    if (number !== undefined && Number.isSafeInteger(n) && n > 0 && !found.includes(n)) found.push(n);
  }
  return found;
}

// A GitHub repository's full name, `owner/repo`: the one check of it, for options, jobs and Redis keys.
// Pure string code; imports nothing (callers throw their own typed error with `notARepoName`).

export interface RepoName {
  owner: string;
  repo: string;
}

const REPO_NAME = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

/** `octo-org/api` → { owner: "octo-org", repo: "api" }; undefined for anything else. */
export function parseRepoName(value: string): RepoName | undefined {
  const match = REPO_NAME.exec(value);
  return match ? { owner: match[1] as string, repo: match[2] as string } : undefined;
}

export const isRepoName = (value: string): boolean => REPO_NAME.test(value);

/** What an error says about a value that is not `owner/repo`: the value, then the expected form. */
export const notARepoName = (value: string): string =>
  `${JSON.stringify(value)} is not a repository name; expected owner/repo, e.g. octo-org/api`;

// Who owns a set of changed paths: for each path the last matching rule (CODEOWNERS semantics, matched by
// codeowners-utils with gitignore-style globs), the union of their owners in first-seen order.
import { matchFile } from "codeowners-utils";
import type { OwnerRule } from "./repo-config.js";

export function ownersOf(paths: readonly string[], rules: readonly OwnerRule[]): string[] {
  const owners = new Set<string>();
  for (const path of paths) for (const owner of matchFile(path, [...rules])?.owners ?? []) owners.add(owner);
  return [...owners];
}

/** `@user` → user reviewer, `@org/team` → team reviewer (its slug), anything else (e-mail) is dropped. */
export function splitReviewers(owners: readonly string[]): { reviewers: string[]; teamReviewers: string[] } {
  const reviewers: string[] = [];
  const teamReviewers: string[] = [];
  for (const owner of owners) {
    const team = /^@[^/\s]+\/([\w.-]+)$/.exec(owner);
    if (team) teamReviewers.push(team[1] as string);
    else if (/^@[\w-]+$/.test(owner)) reviewers.push(owner.slice(1));
  }
  return { reviewers, teamReviewers };
}

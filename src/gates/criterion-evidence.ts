// What a lane and its reviewers say about the evidence for each success criterion (pure parsing):
// the lane's PR body names the test that proves each criterion ("- criterion 2: `test name`"), and a person
// with write access accepts criteria explicitly ("/lanes accept 2", "/lanes accept all") in a PR comment.

/** The test the lane names for a criterion (1-based), from lines `- criterion <n>: … \`<test name>\``. */
export function claimedTests(prBody: string | undefined): Map<number, string> {
  const claims = new Map<number, string>();
  for (const match of (prBody ?? "").matchAll(
    /^\s*[-*]\s*(?:\[[ xX]\]\s*)?criterion\s*#?(\d+)\s*[:.)\-–—]\s*[^`\n]*`([^`\n]+)`/gim,
  )) {
    const n = Number(match[1]);
    if (!claims.has(n)) claims.set(n, (match[2] as string).trim());
  }
  return claims;
}

export interface Acceptance {
  /** The criteria accepted (1-based), or every one. */
  criteria: number[] | "all";
  by: string;
  /** Where it was said (the comment's URL). */
  at?: string | undefined;
}

/** The criteria a `/lanes accept …` comment accepts; undefined when the comment is no accept command. */
export function parseAccept(body: string): number[] | "all" | undefined {
  const match = /^\s*\/lanes\s+accept\b(.*)$/im.exec(body);
  if (!match) return undefined;
  const args = (match[1] as string).trim();
  if (args === "" || /^all\b/i.test(args)) return "all";
  const numbers = [...args.matchAll(/\d+/g)].map((m) => Number(m[0]));
  return numbers.length > 0 ? numbers : undefined;
}

export function acceptedBy(acceptances: readonly Acceptance[], criterion: number): Acceptance | undefined {
  return acceptances.find((a) => a.criteria === "all" || a.criteria.includes(criterion));
}

// What a lane and its reviewers say about the evidence for each success criterion (pure parsing):
// the lane's PR body names the test that proves each criterion ("- criterion 2: `test name`"), and a person
// with write access accepts criteria explicitly: "/lanes accept 2" or "/lanes accept all" in a PR comment, or
// an approving review that names them ("criterion 2 checked by hand", "criteria 1 and 3", "all criteria").

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
  /** Where it was said ("comment <id>" or "review <id>"). */
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

/**
 * The criteria an approving review's body names: a `/lanes accept …` line, or "criterion 2", "criteria 1, 3
 * and 4", "all criteria"; undefined when it names none (an approval alone accepts no criterion).
 */
export function parseReviewAcceptance(body: string): number[] | "all" | undefined {
  const command = parseAccept(body);
  if (command) return command;
  if (/\b(?:all|every)\s+(?:the\s+)?(?:success\s+)?criteri(?:a|on)\b/i.test(body)) return "all";
  const numbers = [...body.matchAll(/\bcriteri(?:on|a)\s+(#?\d+(?:\s*(?:,|&|\+|and)\s*#?\d+)*)/gi)].flatMap(
    (m) => [...(m[1] as string).matchAll(/\d+/g)].map((d) => Number(d[0])),
  );
  return numbers.length > 0 ? [...new Set(numbers)] : undefined;
}

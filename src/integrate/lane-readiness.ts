// Whether a lane may be integrated, from its gates' results on the commit to integrate (pure): every
// required gate must have SUCCEEDED there. Neutral is not a pass: a gate with nothing to judge (a PRP with
// no criteria, no validation commands) leaves the lane waiting for a person's acceptance, and says so.

export interface GateOutcome {
  /** The check-run name, `lanes/<gate>`. */
  name: string;
  status: string;
  conclusion: string | null;
}

export type Readiness = { ready: true } | { ready: false; reason: string };

export function laneReadiness(
  outcomes: readonly GateOutcome[],
  required: readonly string[],
  sha: string,
): Readiness {
  const reasons: string[] = [];
  for (const name of required) {
    const outcome = outcomes.find((o) => o.name === name);
    if (outcome === undefined) reasons.push(`${name} has not run on ${sha.slice(0, 12)}`);
    else if (outcome.status !== "completed")
      reasons.push(`${name} is still ${outcome.status.replace("_", " ")}`);
    else if (outcome.conclusion === "neutral")
      reasons.push(
        `${name} is neutral (nothing it could check): waits for a person's acceptance — a maintainer comments \`/lanes accept\` on the PR, then \`/lanes recheck\``,
      );
    else if (outcome.conclusion !== "success")
      reasons.push(`${name} ${outcome.conclusion ?? "has no conclusion"}`);
  }
  return reasons.length === 0 ? { ready: true } : { ready: false, reason: reasons.join("; ") };
}

// Checks a sandbox webhook payload against GitHub's examples (@octokit/webhooks-examples): the same
// top-level keys, and nested objects using only keys GitHub sends.
import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };
import { expect } from "vitest";

export type Payload = Record<string, unknown>;
const catalog = examples as unknown as { name: string; examples: Payload[] }[];

export function example(event: string, action: string | undefined): Payload {
  const all = catalog.find((e) => e.name === event)?.examples ?? [];
  // The examples package has no issues.closed: GitHub documents it with the same keys as issues.opened.
  const found =
    all.find((x) => x.action === action) ??
    (event === "issues" && action === "closed" ? all.find((x) => x.action === "opened") : undefined);
  if (!found) throw new Error(`no example for ${event}.${action ?? ""}`);
  return found;
}

/** Keys every payload may carry or omit: organization (repos owned by users have none), installation (App only). */
const OPTIONAL_TOP = new Set(["organization", "installation", "enterprise"]);
const NESTED = [
  "issue",
  "comment",
  "label",
  "pull_request",
  "check_run",
  "repository",
  "sender",
  "installation",
];

/** Every key GitHub's examples of this event use for a nested object (examples differ in optional keys). */
function knownKeys(event: string, key: string): Set<string> {
  const all = catalog.filter((e) => e.name === event).flatMap((e) => e.examples);
  return new Set(
    all.flatMap((x) => (typeof x[key] === "object" && x[key] !== null ? Object.keys(x[key]) : [])),
  );
}

export function expectShapedLike(received: Payload, reference: Payload, event: string): void {
  const top = (p: Payload) =>
    Object.keys(p)
      .filter((k) => !OPTIONAL_TOP.has(k) || event.startsWith("installation"))
      .sort();
  expect(top(received)).toEqual(top(reference));
  for (const key of NESTED) {
    const ours = received[key];
    const theirs = reference[key];
    if (typeof ours !== "object" || ours === null || typeof theirs !== "object" || theirs === null) continue;
    const allowed = new Set([...knownKeys(event, key), ...Object.keys(theirs), "pull_request"]);
    expect(
      Object.keys(ours).filter((k) => !allowed.has(k)),
      `${key} keys GitHub does not send`,
    ).toEqual([]);
  }
}

/** Shaped like GitHub's example of the same event and action. */
export function expectLikeGitHub(event: string, payload: Payload): void {
  expectShapedLike(
    payload,
    example(event, typeof payload.action === "string" ? payload.action : undefined),
    event,
  );
}

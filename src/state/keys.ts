// The keyspace: one prefix per repository, with a Cluster hash tag so every key of a repo lives in one slot.
import { InvalidInputError } from "../errors.js";
import { isRepoName, notARepoName } from "../text/repo-name.js";

/** `lanes:{owner/repo}:` — the braces are the hash tag that keeps a repo's keys on one Cluster node. */
export function repoPrefix(repo: string): string {
  if (!isRepoName(repo)) throw new InvalidInputError(notARepoName(repo));
  return `lanes:{${repo}}:`;
}

/** Key names under one prefix. Lua scripts build the same names from the prefix (see lua/common.ts). */
export function stateKeys(prefix: string) {
  return {
    job: (id: string) => `${prefix}job:${id}`,
    jobs: `${prefix}jobs`,
    queue: (role: string) => `${prefix}q:${role}`,
    wake: (role: string) => `${prefix}wake:${role}`,
    delayed: `${prefix}delayed`,
    leases: `${prefix}leases`,
    hostJobs: (host: string) => `${prefix}host-jobs:${host}`,
    claimToken: (token: string) => `${prefix}claim:${token}`,
    seq: `${prefix}seq`,
    needsHuman: `${prefix}needs-human`,
    paused: `${prefix}paused`,
    /** Running jobs whose lane is paused (usage limit, budget), scored by when it resumes. */
    leasePaused: `${prefix}lease-paused`,
    pausedRoles: `${prefix}paused-roles`,
    hosts: `${prefix}hosts`,
    host: (name: string) => `${prefix}host:${name}`,
    /** The App's view of each runner host (last seen, lanes, alerted), kept after the reaper drops it. */
    hostWatch: `${prefix}host-watch`,
    delivery: (id: string) => `${prefix}delivery:${id}`,
    issueState: (key: string) => `${prefix}issue-state:${key}`,
    audit: `${prefix}audit`,
    /** Delayed jobs: ids by due time, and their payloads (lua/timer-scripts.ts). */
    timers: `${prefix}timers`,
    timerData: `${prefix}timer-data`,
    /** De-duplication marks (alerts) and rate-limit windows. */
    once: (key: string) => `${prefix}once:${key}`,
    window: (key: string) => `${prefix}window:${key}`,
    /** `/lanes schedule` check-ins of a PRP's lane, by due time (check-ins.ts); kept here, not on the host. */
    checkIns: (lane: string) => `${prefix}check-ins:${lane}`,
    /** Under the App's prefix: every repository with timers → its installation id. */
    timerRepos: `${prefix}timer-repos`,
    /** Any key of the prefix: scripts name it first so Cluster routes them to the prefix's slot. */
    route: `${prefix}jobs`,
  };
}

export type StateKeys = ReturnType<typeof stateKeys>;

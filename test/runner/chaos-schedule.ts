// A seeded fault schedule for the chaos test: which process to kill and when. The same seed gives the
// same schedule, so a failing run is replayed with LANES_CHAOS_SEED=<seed>.
export type FaultKind = "supervisor" | "agent" | "redis";

export interface Fault {
  kind: FaultKind;
  /** Wait before this fault, after the previous one recovered (ms). */
  afterMs: number;
  /** For `redis`: how long it stays down (ms). For `agent`: which live agent (index modulo their count). */
  arg: number;
}

/** mulberry32: small, fast and good enough to spread faults; never used for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function faultSchedule(seed: number, count: number): Fault[] {
  const random = seededRandom(seed);
  const kinds: FaultKind[] = ["supervisor", "agent", "redis"];
  return Array.from({ length: count }, () => {
    const kind = kinds[Math.floor(random() * kinds.length)] as FaultKind;
    return {
      kind,
      afterMs: 500 + Math.floor(random() * 4_000),
      arg: kind === "redis" ? 1_000 + Math.floor(random() * 5_000) : Math.floor(random() * 1_000),
    };
  });
}

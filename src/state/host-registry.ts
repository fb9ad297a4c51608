// Runner hosts announce themselves and heartbeat; a host whose heartbeat lapses has its leases reaped.
import * as z from "zod";
import type { StoreCore } from "./store-core.js";

const HostNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,100}$/, "host names use letters, digits and . _ @ -");

export const HostInfoSchema = z.object({
  host: z.string(),
  roles: z.string().transform((s) => (s === "" ? [] : s.split(","))),
  startedAt: z.coerce.number(),
  lastSeen: z.coerce.number(),
  aliveUntil: z.coerce.number(),
});
export type HostInfo = z.infer<typeof HostInfoSchema> & { alive: boolean };

export interface RegisterHost {
  host: string;
  roles?: readonly string[];
  /** A host is dead when it has not heartbeaten for this long. */
  ttlMs: number;
}

export function makeHostRegistry(core: StoreCore) {
  const { keys } = core;

  async function beat(host: string, ttlMs: number, extra: Record<string, string | number>): Promise<void> {
    const now = core.clock.now();
    await core.call("host heartbeat", () =>
      core.redis
        .multi()
        .zadd(keys.hosts, now + ttlMs, host)
        .hset(keys.host(host), { host, lastSeen: now, aliveUntil: now + ttlMs, ...extra })
        .exec(),
    );
  }

  return {
    async registerHost(registration: RegisterHost): Promise<void> {
      const host = HostNameSchema.parse(registration.host);
      await beat(host, registration.ttlMs, {
        roles: (registration.roles ?? []).join(","),
        startedAt: core.clock.now(),
      });
      core.log.info({ host, roles: registration.roles }, "host registered");
    },
    async heartbeatHost(host: string, ttlMs: number): Promise<void> {
      await beat(HostNameSchema.parse(host), ttlMs, {});
    },
    async listHosts(): Promise<HostInfo[]> {
      const names = await core.call("ZRANGE", () => core.redis.zrange(keys.hosts, 0, -1));
      const now = core.clock.now();
      const infos: HostInfo[] = [];
      for (const name of names) {
        const hash = await core.call("HGETALL", () => core.redis.hgetall(keys.host(name)));
        const parsed = HostInfoSchema.safeParse({ roles: "", startedAt: 0, ...hash });
        if (parsed.success) infos.push({ ...parsed.data, alive: parsed.data.aliveUntil >= now });
      }
      return infos;
    },
    /** How many jobs a host holds leases on (its lanes). */
    async hostLaneCount(host: string): Promise<number> {
      return core.call("SCARD", () => core.redis.scard(keys.hostJobs(host)));
    },
    /** The host watch (host → its JSON record, validated by the reader). */
    async readHostWatch(): Promise<Record<string, string>> {
      return core.call("HGETALL", () => core.redis.hgetall(keys.hostWatch));
    },
    /** Sets a host's watch record, or removes it (null). */
    async writeHostWatch(host: string, record: string | null): Promise<void> {
      await core.call(record === null ? "HDEL" : "HSET", () =>
        record === null
          ? core.redis.hdel(keys.hostWatch, host)
          : core.redis.hset(keys.hostWatch, host, record),
      );
    },
  };
}

// The supervisor of one stack on one host: registers the host, claims jobs for its roles (blocking
// claims, no polling), opens a lane per job, and routes hook events and periodic duties to lanes.
import type { RoleName } from "../domain/role-names.js";
import { AgentUnavailableError } from "./errors.js";
import type { Logger } from "../observe/logger.js";
import type { LaneJob } from "./job-port.js";
import {
  ensureEventLog,
  followLaneEvents,
  readLaneEvents,
  type EventFollower,
  type LaneEvent,
} from "./lane-events.js";
import type { DriverDeps } from "./driven-lane.js";
import { LaneDriver } from "./lane-driver.js";
import { dropClaim, keepClaim, pendingClaims } from "./lane-claims.js";
import { listLanes, loadLane, saveLane, type LaneRecord } from "./lane-record.js";
import { openLane } from "./lane-setup.js";
import { readRoutedOffset, saveRoutedOffset } from "./routed-offset.js";
import { runControlLoop } from "./control-loop.js";
import type { ControlEntry } from "../state/lane-control.js";
import type { LaneWatch } from "./lane-watch.js";

export interface SupervisorOptions extends Omit<DriverDeps, "now"> {
  name: string;
  hostName: string;
  roles: readonly RoleName[];
  /** Lanes this supervisor runs at once. */
  agents: number;
  now?: () => number;
  leaseMs: number;
  /** How long one blocking claim waits before it is renewed (ms). */
  claimWaitMs?: number;
  /** Slow duties (pane scrape for usage limits, commit rule) run on ticks at most this often (ms); default 60 s. */
  scrapeEveryMs?: number;
  /** Longest wait of one read of the lane control channel before new lanes are included (ms); default 1 s. */
  controlWaitMs?: number;
  /** Called after a lane closes (done, blocked, failed, lost); local mode offers newly ready PRPs here. */
  onLaneClosed?: (lane: LaneRecord) => Promise<void>;
  /** Tells the PRP (its issue) why no agent could be started for it; once per job. */
  reportAgentProblem?: (job: LaneJob, message: string) => Promise<void>;
  /** Environment the agent check sees (PATH, HOME, CLAUDE_CONFIG_DIR …); the process's by default. */
  env?: NodeJS.ProcessEnv;
  /** Publishes lanes and their pane lines for the dashboard (lane-watch.ts); none when absent. */
  watch?: LaneWatch;
}

export class Supervisor {
  private readonly drivers = new Map<string, LaneDriver>();
  private readonly abort = new AbortController();
  private follower: EventFollower | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly waiters = new Set<() => void>();
  /** Claims under way: each holds a slot, so concurrent role loops never open more lanes than `agents`. */
  private reserved = 0;
  private lastScrape = 0;
  /** The tick queued or running now; a tick asked for meanwhile is skipped (no backlog under load). */
  private pendingTick: Promise<void> | undefined;
  /** Ticks skipped because the previous one had not finished. */
  skippedTicks = 0;
  private readonly loops: Promise<void>[] = [];
  readonly now: () => number;
  private readonly log: Logger;

  constructor(private readonly options: SupervisorOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log;
  }

  private get driverDeps(): DriverDeps {
    return { ...this.options, now: this.now };
  }

  /** Runs `work` after everything queued before it, so events and ticks never interleave on a lane. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch((error: unknown) =>
      this.log.error({ err: String(error) }, "supervisor step failed"),
    );
    return next;
  }

  lanes(): LaneRecord[] {
    return [...this.drivers.values()].map((d) => d.lane);
  }

  async start(options: { claim?: boolean } = {}): Promise<void> {
    const { paths } = this.options.host;
    await ensureEventLog(paths.events);
    await this.options.store.registerHost({
      host: this.options.hostName,
      roles: this.options.roles,
      ttlMs: this.options.leaseMs,
    });
    await this.adoptLanes();
    await this.reopenClaims();
    await this.reopenUnrecordedClaims();
    // Events the agents logged while no supervisor ran (it crashed, or was restarted) are routed now:
    // from where the last supervisor got to, or from the end for a stack that never routed any. Where
    // it starts is stored at once: a supervisor killed before it routed anything (chaos seed 1000) left
    // no offset, and the next one started from the end and never saw its lanes' Stop events.
    const { offset: end } = await readLaneEvents(paths.events, 0);
    const routed = await readRoutedOffset(paths);
    const from = routed !== undefined && routed <= end ? routed : end;
    if (from !== routed) await saveRoutedOffset(paths, from);
    this.follower = followLaneEvents(
      paths.events,
      from,
      (event, after) =>
        void this.serial(async () => {
          await this.route(event);
          await saveRoutedOffset(paths, after);
        }),
    );
    if (options.claim ?? true) for (const role of this.options.roles) this.loops.push(this.claimLoop(role));
    this.startControl();
  }

  /** Commands for this host's lanes from the Redis control channel (`/lanes say`, pause …), when the store has one. */
  private startControl(): void {
    const { readControl, controlCursor, ackControl } = this.options.store;
    if (!readControl || !controlCursor || !ackControl) return;
    const store = this.options.store;
    this.loops.push(
      runControlLoop({
        port: {
          readControl: (cursors, ms, signal) => readControl.call(store, cursors, ms, signal),
          controlCursor: (lane) => controlCursor.call(store, lane),
          ackControl: (lane, id) => ackControl.call(store, lane, id),
        },
        lanes: () => [...new Set(this.lanes().map((lane) => String(lane.issue)))],
        apply: (key, entry) => this.serial(() => this.applyControl(key, entry)),
        signal: this.abort.signal,
        log: this.log,
        ...(this.options.controlWaitMs === undefined ? {} : { blockMs: this.options.controlWaitMs }),
      }),
    );
  }

  private async applyControl(key: string, entry: ControlEntry): Promise<void> {
    for (const [id, driver] of [...this.drivers]) {
      if (String(driver.lane.issue) !== key) continue;
      const outcome = await driver.applyControl(entry);
      if (outcome === "check-lease") {
        const panes = await this.options.host.tmux.listPanes(this.options.host.session);
        if ((await driver.onTick(panes, false)) === "closed") await this.release(id);
      }
    }
  }

  /** Lanes this host was running before a restart: keep driving them with their recorded lease. */
  private async adoptLanes(): Promise<void> {
    for (const lane of await listLanes(this.options.host.paths.lanes)) {
      if (!["starting", "working", "idle", "paused", "waiting", "finishing"].includes(lane.state)) continue;
      const payload = lane.model ? { prp: { model: lane.model } } : {};
      const job: LaneJob = {
        id: lane.id,
        issue: lane.issue,
        role: lane.role,
        title: lane.title,
        kind: "build",
        payload,
        attempts: 0,
        maxAttempts: 1,
      };
      this.drivers.set(lane.id, new LaneDriver(this.driverDeps, lane, job));
      // Renewed before the first reap, which would otherwise requeue a lease that lapsed while no
      // supervisor ran and cost the lane its agent; a lease already taken fails here and on the tick.
      await this.options.store.heartbeat(lane.lease).catch(() => null);
    }
  }

  /**
   * Lanes the last supervisor claimed and died opening (no lane record yet): opened now with the same
   * lease while it is still theirs, the way a claim would have opened them.
   */
  private async reopenClaims(): Promise<void> {
    const { paths } = this.options.host;
    for (const { job, lease } of await pendingClaims(paths)) {
      if (this.drivers.has(job.id)) {
        await dropClaim(paths, job.id);
        continue;
      }
      const renewed = await this.options.store.heartbeat(lease).catch(() => undefined);
      // Redis unreachable: the claim stays for the next start, and the reaper requeues the job meanwhile
      if (renewed === undefined) continue;
      if (renewed === null) {
        await dropClaim(paths, job.id);
        continue;
      }
      this.log.warn({ job: job.id }, "opening a lane the last supervisor died opening");
      await this.serial(() => this.open(job, lease));
    }
  }

  /**
   * Jobs the queue leased to this stack with neither a lane record nor a kept claim: the last supervisor
   * died between the queue's answer and writing the claim down (chaos seed 1011), and the job would sit
   * leased to nobody until its lease ran out (a minute). Opened now with the same lease.
   */
  private async reopenUnrecordedClaims(): Promise<void> {
    const held = await this.options.store
      .claimsHeldBy?.(this.options.hostName, this.agentId)
      .catch((error: unknown) => {
        // Redis unreachable: the reaper requeues such a job once its lease runs out
        this.log.warn({ err: String(error) }, "could not read this stack's leases");
        return [];
      });
    for (const { job, lease } of held ?? []) {
      // a lane recorded with this lease is driven (adoptLanes) or finished: never opened twice
      if (this.drivers.has(job.id)) continue;
      const recorded = await loadLane(this.options.host.paths.lane(job.id));
      if (recorded?.lease.token === lease.token) continue;
      const renewed = await this.options.store.heartbeat(lease).catch(() => null);
      if (renewed === null) continue;
      this.log.warn({ job: job.id }, "opening a lane the last supervisor claimed but never wrote down");
      await this.serial(() => this.open(job, lease));
    }
  }

  /** Who holds this stack's leases in the queue: one agent name per host and stack. */
  private get agentId(): string {
    return `${this.options.hostName}/${this.options.name}`;
  }

  private async route(event: LaneEvent): Promise<void> {
    const driver = this.drivers.get(event.lane);
    if (!driver) return;
    const outcome = await driver.onEvent(event);
    await this.options.watch?.event(driver.lane);
    if (outcome === "closed") await this.release(event.lane);
  }

  private async release(id: string): Promise<void> {
    const lane = this.drivers.get(id)?.lane;
    this.drivers.delete(id);
    if (lane && this.options.onLaneClosed) {
      await this.options
        .onLaneClosed(lane)
        .catch((error: unknown) =>
          this.log.error({ lane: id, err: String(error) }, "after-close step failed"),
        );
    }
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /**
   * Waits for a free slot and reserves it (the check and the reservation run with no await between
   * them, so two role loops cannot both take the last slot); the caller gives it back.
   */
  private async reserveSlot(): Promise<void> {
    while (this.drivers.size + this.reserved >= this.options.agents && !this.abort.signal.aborted) {
      // Whichever ends the wait (a freed slot or the stop) removes both hooks: a listener left on the
      // signal per wait grew without bound in a long-running supervisor (MaxListenersExceededWarning).
      await new Promise<void>((resolve) => {
        const signal = this.abort.signal;
        const done = (): void => {
          signal.removeEventListener("abort", done);
          this.waiters.delete(done);
          resolve();
        };
        this.waiters.add(done);
        signal.addEventListener("abort", done, { once: true });
      });
    }
    this.reserved += 1;
  }

  private async claimLoop(role: RoleName): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      // Let loops woken by the last release reserve first: otherwise the loop that just gave its slot
      // back takes it again at once, and a role with work waits behind a role with none.
      await new Promise((resolve) => setImmediate(resolve));
      await this.reserveSlot();
      try {
        if (signal.aborted) return;
        const claim = await this.options.store.claim({
          role,
          host: this.options.hostName,
          agent: this.agentId,
          waitMs: this.options.claimWaitMs ?? 5_000,
          signal,
          leaseMs: this.options.leaseMs,
        });
        if (claim && !signal.aborted) await this.serial(() => this.open(claim.job, claim.lease));
      } catch (error) {
        this.log.error({ role, err: String(error) }, "claim failed; trying again");
        await new Promise((r) => setTimeout(r, 1_000));
      } finally {
        // The slot is now either a lane (drivers) or free again.
        this.reserved -= 1;
        this.wakeWaiters();
      }
    }
  }

  private async open(job: LaneJob, lease: LaneDriver["lane"]["lease"]): Promise<void> {
    const { paths } = this.options.host;
    await keepClaim(paths, { job, lease });
    try {
      await this.openClaimed(job, lease);
    } finally {
      // the lane is recorded, or the job went back to the queue: either way the claim is settled
      await dropClaim(paths, job.id);
    }
  }

  private async openClaimed(job: LaneJob, lease: LaneDriver["lane"]["lease"]): Promise<void> {
    const previous = await loadLane(this.options.host.paths.lane(job.id));
    try {
      // A missing or logged-out agent fails the job at once, with the reason on the PRP, instead of a pane that hangs.
      await this.options.host.agent.check(this.options.env ?? process.env);
    } catch (error) {
      const message =
        error instanceof AgentUnavailableError ? error.message : `the agent check failed: ${String(error)}`;
      this.log.error({ job: job.id, err: message }, "no agent can start on this host");
      const outcome = await this.options.store.fail(lease, message);
      if (job.attempts <= 1 || outcome.outcome === "needs-human") {
        await this.options
          .reportAgentProblem?.(
            job,
            outcome.outcome === "needs-human"
              ? `${message}\n\nAttempts are exhausted: the job waits for a human (\`lanes queue retry ${job.id}\`).`
              : message,
          )
          .catch((reportError: unknown) =>
            this.log.warn(
              { job: job.id, err: String(reportError) },
              "could not report the agent problem on the PRP",
            ),
          );
      }
      return;
    }
    try {
      const lane = await openLane(this.options.host, job, lease, this.now(), previous);
      await saveLane(this.options.host.paths.lane(lane.id), lane);
      const driver = new LaneDriver(this.driverDeps, lane, job);
      this.drivers.set(lane.id, driver);
      await this.options.watch?.seen(lane);
      this.log.info({ lane: lane.id, role: job.role, branch: lane.branch }, "lane opened");
      await driver.report({
        kind: "claimed",
        branch: lane.branch,
        attempts: job.attempts,
        host: this.options.hostName,
      });
    } catch (error) {
      this.log.error({ job: job.id, err: String(error) }, "could not open the lane");
      await this.options.store.fail(lease, `could not open the lane: ${String(error)}`);
    }
  }

  /**
   * Heartbeats, reaping, crash checks, resumes and the commit rule; called on a timer or by tests. A tick
   * asked for while the last one is still queued or running is skipped and shares its promise: under load
   * a timer would otherwise queue ticks faster than they run, and every command and event would wait
   * behind the whole backlog (20–50 s measured with 500 ms ticks). At most one tick is ever ahead of them.
   */
  tick(): Promise<void> {
    if (this.pendingTick) {
      this.skippedTicks += 1;
      return this.pendingTick;
    }
    const tick = this.runTick();
    this.pendingTick = tick;
    const clear = () => {
      if (this.pendingTick === tick) this.pendingTick = undefined;
    };
    void tick.then(clear, clear);
    return tick;
  }

  private runTick(): Promise<void> {
    return this.serial(async () => {
      await this.options.store.heartbeatHost(this.options.hostName, this.options.leaseMs);
      const slow = this.now() - this.lastScrape >= (this.options.scrapeEveryMs ?? 60_000);
      if (slow) this.lastScrape = this.now();
      const panes =
        this.drivers.size > 0 ? await this.options.host.tmux.listPanes(this.options.host.session) : [];
      for (const [id, driver] of [...this.drivers]) {
        try {
          const outcome = await driver.onTick(panes, slow);
          await this.options.watch?.seen(driver.lane);
          if (outcome === "closed") await this.release(id);
        } catch (error) {
          this.log.error({ lane: id, err: String(error) }, "lane tick failed");
        }
      }
      // Reaped only after this host renewed its own leases: a step that outlasted a lease (opening a lane
      // under load) must not have the host requeue its own lane and claim it again (a second attempt).
      await this.options.store.reap();
    });
  }

  driver(id: string): LaneDriver | undefined {
    return this.drivers.get(id);
  }

  /** Waits until everything queued so far has run (tests use it after feeding events). */
  settle(): Promise<void> {
    return this.serial(async () => undefined);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.follower?.stop();
    this.options.watch?.stop();
    this.wakeWaiters();
    await Promise.allSettled(this.loops);
    await this.settle();
  }
}

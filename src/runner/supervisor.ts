// The supervisor of one stack on one host: registers the host, claims jobs for its roles (blocking
// claims, no polling), opens a lane per job, and routes hook events and periodic duties to lanes.
import type { RoleName } from "../domain/role-names.js";
import type { Logger } from "../observe/logger.js";
import type { ControlEntry } from "../state/lane-control.js";
import { adoptLanes, reopenClaims, reopenUnrecordedClaims } from "./adopt-lanes.js";
import { runControlLoop } from "./control-loop.js";
import type { LaneJob } from "./job-port.js";
import type { LaneDriver } from "./lane-driver.js";
import {
  ensureEventLog,
  followLaneEvents,
  readLaneEvents,
  type EventFollower,
  type LaneEvent,
} from "./lane-events.js";
import { openClaimedJob, type LaneOpening } from "./lane-opening.js";
import type { LaneRecord } from "./lane-record.js";
import { LaneSlots } from "./lane-slots.js";
import { readRoutedOffset, saveRoutedOffset } from "./routed-offset.js";
import type { SupervisorOptions } from "./supervisor-options.js";

export type { SupervisorOptions } from "./supervisor-options.js";

export class Supervisor {
  private readonly drivers = new Map<string, LaneDriver>();
  private readonly abort = new AbortController();
  private follower: EventFollower | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly slots: LaneSlots;
  private lastScrape = 0;
  /** The tick queued or running now; a tick asked for meanwhile is skipped (no backlog under load). */
  private pendingTick: Promise<void> | undefined;
  /** Ticks skipped because the previous one had not finished. */
  skippedTicks = 0;
  private readonly loops: Promise<void>[] = [];
  readonly now: () => number;
  private readonly log: Logger;
  private readonly opening: LaneOpening;

  constructor(private readonly options: SupervisorOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log;
    this.slots = new LaneSlots(options.agents, () => this.drivers.size, this.abort.signal);
    this.opening = {
      options,
      drivers: this.drivers,
      driverDeps: () => ({ ...options, now: this.now }),
      now: this.now,
      log: this.log,
    };
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
    await adoptLanes(this.opening);
    const open = (job: LaneJob, lease: LaneRecord["lease"]) => this.serial(() => this.open(job, lease));
    await reopenClaims(this.opening, open);
    await reopenUnrecordedClaims(this.opening, this.agentId, open);
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
    this.slots.wake();
  }

  private async claimLoop(role: RoleName): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      // Let loops woken by the last release reserve first: otherwise the loop that just gave its slot
      // back takes it again at once, and a role with work waits behind a role with none.
      await new Promise((resolve) => setImmediate(resolve));
      await this.slots.reserve();
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
        this.slots.giveBack();
      }
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

  private open(job: LaneJob, lease: LaneRecord["lease"]): Promise<void> {
    return openClaimedJob(this.opening, job, lease);
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
    this.slots.wake();
    await Promise.allSettled(this.loops);
    await this.settle();
  }
}

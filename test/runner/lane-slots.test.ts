// The supervisor's slots: never more lanes and claims than agents, and a wait leaves nothing on the signal.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { LaneSlots } from "../../src/runner/lane-slots.js";

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("lane slots", () => {
  it("holds a reserve beyond the agents' count until a slot is given back", async () => {
    const stop = new AbortController();
    let open = 1;
    const slots = new LaneSlots(2, () => open, stop.signal);
    await slots.reserve();
    let third = false;
    const waiting = slots.reserve().then(() => (third = true));
    await settled();
    expect(third).toBe(false);

    open = 0;
    slots.wake();
    await waiting;
    expect(third).toBe(true);
  });

  it("removes each wait's abort listener when the wait ends, by a freed slot or by the stop", async () => {
    const stop = new AbortController();
    const slots = new LaneSlots(1, () => 0, stop.signal);
    await slots.reserve();
    for (let round = 0; round < 25; round += 1) {
      const next = slots.reserve();
      await settled();
      expect(getEventListeners(stop.signal, "abort")).toHaveLength(1);
      slots.giveBack();
      await next;
      expect(getEventListeners(stop.signal, "abort")).toHaveLength(0);
    }

    const last = slots.reserve();
    await settled();
    stop.abort();
    await last;
    expect(getEventListeners(stop.signal, "abort")).toHaveLength(0);
  });
});

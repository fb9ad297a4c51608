// Running a handler twice has one effect: webhook deliveries are de-duplicated, issue states change by compare-and-set.
import { randomUUID } from "node:crypto";
import * as z from "zod";
import type { StoreCore } from "./store-core.js";

const DeliveryIdSchema = z.string().min(1).max(200);
const IssueKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:/#@-]{1,200}$/, "issue keys use letters, digits and . _ : / # @ -");

export function makeIdempotency(core: StoreCore) {
  const { keys } = core;
  return {
    /** true the first time a delivery id is seen within `ttlSec`; false for a redelivery. */
    async firstDelivery(deliveryId: string, ttlSec = 7 * 24 * 3600): Promise<boolean> {
      const id = DeliveryIdSchema.parse(deliveryId);
      // a per-call token: if the SET applied but its reply was lost, the retry finds our own token, not a duplicate
      const token = randomUUID();
      const reply = await core.call("SET NX", () =>
        core.redis.set(keys.delivery(id), token, "EX", ttlSec, "NX"),
      );
      if (reply === "OK") return true;
      return (await core.call("GET", () => core.redis.get(keys.delivery(id)))) === token;
    },
    /** Forgets a delivery whose handling failed, so a redelivery runs it again. */
    async forgetDelivery(deliveryId: string): Promise<void> {
      const id = DeliveryIdSchema.parse(deliveryId);
      await core.call("DEL", () => core.redis.del(keys.delivery(id)));
    },
    /** Moves an issue from `from` to `to` only if it is in `from` (null = no state); true when it applied. */
    async transition(
      issueKey: string,
      from: string | null,
      to: string | null,
      actor = "lanes",
    ): Promise<boolean> {
      const key = IssueKeySchema.parse(issueKey);
      // one id per call, the same on every re-send, so a retry of an applied transition reports it applied
      return (await core.script("lanesTransition", [key, from ?? "", to ?? "", actor, randomUUID()])) === 1;
    },
    async readIssueState(issueKey: string): Promise<string | null> {
      const key = IssueKeySchema.parse(issueKey);
      return core.call("GET", () => core.redis.get(keys.issueState(key)));
    },
  };
}

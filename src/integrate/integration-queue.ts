// Where conflicting and culprit lanes go back to: implemented by the Redis state (per-role queues and
// needs-human), kept as an interface here so integration never imports the state module.
import type { RequeueRequest } from "./resolve-job.js";

export interface IntegrationQueue {
  requeue(request: RequeueRequest): Promise<void>;
}

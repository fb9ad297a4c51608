// What the team features need beyond a repository's ports: the environment holding webhook secrets, and the
// HTTP client for outgoing webhooks (tests pass their own).
import type { RepoDeps } from "../repo-deps.js";

export interface TeamDeps extends RepoDeps {
  env?: Readonly<Record<string, string | undefined>>;
  fetch?: typeof fetch;
}

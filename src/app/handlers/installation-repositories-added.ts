// installation_repositories.added: repositories added to an installation get Lanes' labels.
import { syncLabels } from "../sync-labels.js";
import type { Handler } from "./handler.js";

export const installationRepositoriesAdded: Handler<"installation_repositories.added"> = {
  relevant: (payload) => payload.repositories_added.length > 0,
  async handle(payload, ctx) {
    for (const r of payload.repositories_added) {
      const [owner = "", name = r.name] = r.full_name.split("/");
      const repo = { owner, repo: name };
      const result = await syncLabels(ctx.forRepo(repo).github, repo);
      ctx.log.info({ repo: r.full_name, ...result }, "labels synced on added repository");
    }
  },
};

// installation.created: the App was installed; every repository it can see gets Lanes' labels.
import { syncLabels } from "../sync-labels.js";
import type { Handler } from "./handler.js";

export const installationCreated: Handler<"installation.created"> = {
  relevant: (payload) => (payload.repositories ?? []).length > 0,
  async handle(payload, ctx) {
    for (const r of payload.repositories ?? []) {
      const [owner = "", name = r.name] = r.full_name.split("/");
      const repo = { owner, repo: name };
      const result = await syncLabels(ctx.forRepo(repo).github, repo);
      ctx.log.info({ repo: r.full_name, ...result }, "labels synced on installation");
    }
  },
};

// Repository, refs, branches, file contents and collaborator permission — read from the bare repo.
import { SandboxHttpError, notFound, unprocessable } from "../errors.js";
import { commitExists, isAncestor, listRefs, readBlob, resolveRef, updateRef } from "../bare-repo.js";
import { requireStr, type HandlerContext, type Routes } from "../handler.js";
import { announceRefUpdate } from "../push-events.js";
import { renderRepo, renderUser } from "../render-resources.js";

function renderRef(ctx: HandlerContext, ref: string, sha: string) {
  return {
    ref,
    node_id: `REF_${Buffer.from(ref).toString("base64url")}`,
    url: `${ctx.state.apiUrl}/repos/${ctx.repo.fullName}/git/${ref}`,
    object: { type: "commit", sha, url: `${ctx.state.apiUrl}/repos/${ctx.repo.fullName}/git/commits/${sha}` },
  };
}

async function moveRef(ctx: HandlerContext, ref: string, sha: string, force: boolean) {
  const before = await resolveRef(ctx.repo.gitDir, ref);
  if (before === null) throw new SandboxHttpError(422, "Reference does not exist");
  if (!(await commitExists(ctx.repo.gitDir, sha))) throw unprocessable("Object does not exist", "sha");
  if (!force && !(await isAncestor(ctx.repo.gitDir, before, sha)))
    throw new SandboxHttpError(422, "Update is not a fast forward");
  await updateRef(ctx.repo.gitDir, ref, sha, before);
  await announceRefUpdate(ctx, { ref, before, after: sha }, force);
  return { status: 200, body: renderRef(ctx, ref, sha) };
}

export const gitDataRoutes: Routes = {
  "repos/get": {
    permission: "read",
    handle: (ctx) => ({ status: 200, body: renderRepo(ctx.state, ctx.repo) }),
  },

  "git/get-ref": {
    permission: "read",
    async handle(ctx) {
      const ref = `refs/${ctx.params.ref ?? ""}`;
      const sha = await resolveRef(ctx.repo.gitDir, ref);
      if (sha === null) throw notFound();
      return { status: 200, body: renderRef(ctx, ref, sha) };
    },
  },

  "git/list-matching-refs": {
    permission: "read",
    async handle(ctx) {
      const refs = await listRefs(ctx.repo.gitDir, `refs/${ctx.params.ref ?? ""}`);
      return { status: 200, body: refs.map((r) => renderRef(ctx, r.ref, r.sha)) };
    },
  },

  "git/create-ref": {
    permission: "write",
    async handle(ctx) {
      const ref = requireStr(ctx.body, "ref");
      const sha = requireStr(ctx.body, "sha");
      if (!/^refs\/[^/]+\/.+/.test(ref))
        throw unprocessable("Reference name must start with 'refs/' and have at least two slashes.", "ref");
      if ((await resolveRef(ctx.repo.gitDir, ref)) !== null)
        throw new SandboxHttpError(422, "Reference already exists");
      if (!(await commitExists(ctx.repo.gitDir, sha))) throw unprocessable("Object does not exist", "sha");
      await updateRef(ctx.repo.gitDir, ref, sha);
      await announceRefUpdate(ctx, { ref, before: "0".repeat(40), after: sha });
      return { status: 201, body: renderRef(ctx, ref, sha) };
    },
  },

  "git/update-ref": {
    permission: "write",
    handle: (ctx) =>
      moveRef(ctx, `refs/${ctx.params.ref ?? ""}`, requireStr(ctx.body, "sha"), ctx.body.force === true),
  },

  "repos/get-branch": {
    permission: "read",
    async handle(ctx) {
      const name = ctx.params.branch ?? "";
      const sha = await resolveRef(ctx.repo.gitDir, `refs/heads/${name}`);
      if (sha === null) throw new SandboxHttpError(404, "Branch not found");
      return {
        status: 200,
        body: {
          name,
          commit: { sha, url: `${ctx.state.apiUrl}/repos/${ctx.repo.fullName}/commits/${sha}` },
          protected: false,
        },
      };
    },
  },

  "repos/get-content": {
    permission: "read",
    async handle(ctx) {
      const path = ctx.params.path ?? "";
      const ref = ctx.query.get("ref") ?? ctx.repo.defaultBranch;
      const blob = await readBlob(ctx.repo.gitDir, ref, path);
      if (!blob) throw notFound();
      const url = `${ctx.state.apiUrl}/repos/${ctx.repo.fullName}/contents/${path}?ref=${encodeURIComponent(ref)}`;
      return {
        status: 200,
        body: {
          type: "file",
          encoding: "base64",
          size: blob.size,
          name: path.split("/").at(-1),
          path,
          content: blob.content.toString("base64"),
          sha: blob.sha,
          url,
          git_url: null,
          html_url: null,
          download_url: null,
          _links: { self: url, git: null, html: null },
        },
      };
    },
  },

  "repos/get-collaborator-permission-level": {
    permission: "read",
    handle(ctx) {
      const user = ctx.state.users.get(ctx.params.username ?? "");
      if (!user) throw new SandboxHttpError(404, `${ctx.params.username ?? ""} is not a user`);
      const permission =
        user.permission === "maintain" ? "write" : user.permission === "triage" ? "read" : user.permission;
      return {
        status: 200,
        body: { permission, role_name: user.permission, user: renderUser(ctx.state, user) },
      };
    },
  },
};

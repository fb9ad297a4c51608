// The GitHub calls every command comment makes, for nock: reactions, the commenter's permission, lanes.yml.
import nock from "nock";
import { API } from "../app-harness.js";
import { REPO_PATH } from "../payloads.js";
import { COMMENT_ID } from "./comment-payloads.js";

export function reacts(scope: nock.Scope, ...contents: string[]): nock.Scope {
  for (const content of contents)
    scope
      .post(`${REPO_PATH}/issues/comments/${COMMENT_ID}/reactions`, { content })
      .reply(201, { id: 1, content });
  return scope;
}

export function github(): nock.Scope {
  return nock(API);
}

export function permission(scope: nock.Scope, user: string, level: string): nock.Scope {
  const legacy = level === "maintain" ? "write" : level === "triage" ? "read" : level;
  return scope
    .get(`${REPO_PATH}/collaborators/${user}/permission`)
    .reply(200, { permission: legacy, role_name: level, user: { login: user } });
}

export function noConfig(scope: nock.Scope): nock.Scope {
  return scope.get(`${REPO_PATH}/contents/.github%2Flanes.yml`).reply(404, { message: "Not Found" });
}

export function config(scope: nock.Scope, text: string): nock.Scope {
  return scope
    .get(`${REPO_PATH}/contents/.github%2Flanes.yml`)
    .reply(200, { type: "file", encoding: "base64", content: Buffer.from(text).toString("base64") });
}

/** Captures the reply comment's body. */
export function replies(scope: nock.Scope, issue: number, into: string[]): nock.Scope {
  return scope
    .post(`${REPO_PATH}/issues/${issue}/comments`, (b: { body: string }) => {
      into.push(b.body);
      return true;
    })
    .reply(201, {
      id: 900,
      body: "r",
      user: { login: "lanes[bot]", type: "Bot" },
      created_at: "2026-12-01T00:00:00Z",
    });
}

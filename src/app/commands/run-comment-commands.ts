// Runs the `/lanes` commands of one new comment: 👀 when read, the commenter's access checked once, each
// command validated and run in order, 🚀 when all went well or 😕 when one was refused or failed, and at most
// one reply. A commenter without access gets one polite refusal (or none: `commands.refusal: silent`) and
// nothing runs. Every command, allowed or not, lands in the audit stream.
import type { LanesConfig } from "../../config/index.js";
import { defaultConfig, DEFAULT_CONFIG_FILE, loadConfig } from "../../config/index.js";
import type { CommandName } from "../../domain/command-names.js";
import { errorMessage } from "../../errors.js";
import type { PermissionLevel } from "../../github/index.js";
import { CommandFailedError } from "../errors.js";
import type { RepoDeps } from "../repo-deps.js";
import { mayRun, permissionOf, type RequiredPermission } from "./authorize.js";
import type { CommandContext } from "./command.js";
import { helpText, unknownText } from "./help-text.js";
import { commands } from "./index.js";
import { parseCommands, type ParsedCommand } from "./parse-commands.js";

export interface CommentInput {
  id: number;
  body: string;
  author: string;
  where: CommandContext["where"];
}

export interface CommentOutcome {
  ran: CommandName[];
  refused: boolean;
  failed: number;
}

type CommandsConfig = LanesConfig["commands"];

async function commandsConfig(deps: RepoDeps): Promise<CommandsConfig> {
  try {
    const text = await deps.github.readFile(deps.repo, DEFAULT_CONFIG_FILE);
    return (text === null ? defaultConfig() : loadConfig(text)).commands;
  } catch (error) {
    deps.log.warn({ err: errorMessage(error) }, "lanes.yml unreadable: command defaults apply");
    return defaultConfig().commands;
  }
}

export async function runCommentCommands(
  deps: RepoDeps,
  comment: CommentInput,
  options: { now?: () => number; prpOf: () => Promise<number> },
): Promise<CommentOutcome> {
  const parsed = parseCommands(comment.body);
  const outcome: CommentOutcome = { ran: [], refused: false, failed: 0 };
  if (parsed.length === 0) return outcome;
  const now = options.now ?? Date.now;
  const { github, repo, store } = deps;
  await github.reactToComment(repo, comment.id, "eyes");
  const level = await permissionOf(github, repo, comment.author, now());
  // lanes.yml is read only when it can change the answer: for a writer (maintain-only commands) or a refusal
  let config: Promise<CommandsConfig> | undefined;
  const settings = () => (config ??= commandsConfig(deps));
  const audit = (command: string, result: string, detail?: string) =>
    store.appendAudit({
      type: "command",
      actor: comment.author,
      data: JSON.stringify({
        command,
        issue: comment.where.number,
        comment: comment.id,
        result,
        ...(detail ? { detail: detail.slice(0, 300) } : {}),
      }),
    });

  const refusedFor = await refusal(parsed, level, settings);
  if (refusedFor !== undefined) {
    outcome.refused = true;
    for (const p of parsed)
      await audit(p.kind === "command" ? p.name : p.word, "refused", `permission ${level}`);
    await github.reactToComment(repo, comment.id, "confused");
    if ((await settings()).refusal === "reply")
      await github.createComment(
        repo,
        comment.where.number,
        `@${comment.author} sorry, \`/lanes ${refusedFor}\` needs ${needsOf(refusedFor, await settings())} access to this repository, and yours is ${level}. Nothing was done.`,
      );
    return outcome;
  }

  const replies: string[] = [];
  let showHelp = false;
  let prp: Promise<number> | undefined;
  for (const [index, p] of parsed.entries()) {
    if (p.kind === "unknown") {
      outcome.failed += 1;
      showHelp = true;
      replies.push(unknownText(p.word, p.suggestion));
      await audit(p.word, "unknown");
      continue;
    }
    const command = commands[p.name];
    const prepared = command.prepare(p.rest);
    if (!prepared.ok) {
      outcome.failed += 1;
      replies.push(`\`/lanes ${p.name}\`: ${prepared.error}. Usage: \`/lanes ${command.usage}\``);
      await audit(p.name, "bad-arguments", prepared.error);
      continue;
    }
    const ctx: CommandContext = {
      deps,
      actor: comment.author,
      where: comment.where,
      commandId: `${comment.id}-${p.line}-${index}`,
      now,
      prp: () => (prp ??= options.prpOf()),
    };
    try {
      const result = await prepared.run(ctx);
      outcome.ran.push(p.name);
      if (result.reply) replies.push(result.reply);
      if (result.showHelp) showHelp = true;
      await audit(p.name, "done", p.rest);
    } catch (error) {
      outcome.failed += 1;
      const known = error instanceof CommandFailedError;
      if (!known) deps.log.error({ command: p.name, err: errorMessage(error) }, "command failed");
      replies.push(
        `\`/lanes ${p.name}\`: ${known ? error.message : `failed: ${errorMessage(error).slice(0, 300)}`}`,
      );
      await audit(p.name, "failed", errorMessage(error));
    }
  }
  if (showHelp) replies.push(helpText(commands));
  await github.reactToComment(repo, comment.id, outcome.failed > 0 ? "confused" : "rocket");
  if (replies.length > 0) await github.createComment(repo, comment.where.number, replies.join("\n\n"));
  return outcome;
}

/** Write access for every command, maintain for those `commands.maintain` names (approve, priority, unflag by default). */
function needsOf(name: string, config: CommandsConfig): RequiredPermission {
  return config.maintain.some((m) => m === name) ? "maintain" : "write";
}

/** The first command the commenter may not run (unknown words need write access too), or undefined. */
async function refusal(
  parsed: readonly ParsedCommand[],
  level: PermissionLevel,
  settings: () => Promise<CommandsConfig>,
): Promise<string | undefined> {
  if (mayRun(level, "maintain")) return undefined;
  for (const p of parsed) {
    const name = p.kind === "command" ? p.name : p.word;
    if (!mayRun(level, "write")) return name;
    if (!mayRun(level, needsOf(name, await settings()))) return name;
  }
  return undefined;
}

// The one logger factory: pino JSON, with secrets redacted by configuration so callers never have to,
// and no character a terminal acts on (the stack's logs window shows the log file as it is written).
import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { escapeJsonControls } from "../text/sanitize.js";

export type { Logger } from "pino";

/** Key paths whose values are never written to a log. */
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "password",
  "*.password",
  "secret",
  "*.secret",
  "webhookSecret",
  "*.webhookSecret",
  "privateKey",
  "*.privateKey",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.authorization",
  "env.GITHUB_TOKEN",
  "env.PRIVATE_KEY",
  "env.WEBHOOK_SECRET",
] as const;

export interface LoggerSettings {
  level?: string;
  name?: string;
  destination?: DestinationStream;
}

export function createLogger(settings: LoggerSettings = {}, env: NodeJS.ProcessEnv = process.env): Logger {
  const options: LoggerOptions = {
    name: settings.name ?? "lanes",
    level: settings.level ?? env.LANES_LOG_LEVEL ?? env.LOG_LEVEL ?? "info",
    redact: { paths: [...REDACTED_PATHS], censor: "[redacted]" },
    base: { pid: process.pid },
    // pino escapes C0 in strings but writes DEL and C1 (0x9b is CSI) raw; agent and PRP text reaches logs
    hooks: { streamWrite: escapeJsonControls },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options, pino.destination(2));
}

/** A logger that drops everything, for code paths and tests that do not care about logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

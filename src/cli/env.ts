// Every environment setting the CLI reads, validated once before any command runs: a bad value is one
// line naming the variable, its value and what was expected (exit 2), never a stack trace from deep inside.
// Secrets are checked but never echoed.
import * as z from "zod";
import { EnvSettingError } from "./errors.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const positiveInteger = z
  .string()
  .regex(/^[1-9][0-9]*$/)
  .transform(Number);
const nonBlank = z.string().regex(/\S/);

function isRedisUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** redis:// or rediss:// with a host; what `--redis` and REDIS_URL must look like. */
export const RedisUrlSchema = z.string().refine(isRedisUrl);
/** `owner/repo`, as GitHub spells a repository. */
export const OwnerRepoSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/);
const httpUrl = z.url({ protocol: /^https?$/ });

interface Setting {
  schema: z.ZodType;
  expected: string;
  /** The value is never printed. */
  secret?: boolean;
  /** How the value is shown in the message (a password in a URL is masked). */
  show?: (value: string) => string;
  /** The readers treat an empty value as unset. */
  blankIsUnset?: boolean;
}

const SETTINGS = {
  LANES_LOG_LEVEL: { schema: z.enum(LOG_LEVELS), expected: `one of ${LOG_LEVELS.join(", ")}` },
  REDIS_URL: {
    schema: RedisUrlSchema,
    expected: "redis://host:port (or rediss:// for TLS)",
    // the credentials part is masked even when the value does not parse as a URL
    show: (value: string) => value.replace(/\/\/[^/@]*@/, "//***@"),
  },
  GITHUB_API_URL: {
    schema: httpUrl,
    expected: "an http(s) URL such as https://api.github.com",
    blankIsUnset: true,
  },
  GITHUB_TOKEN: {
    schema: z.string().refine((value) => !/\s/.test(value.trim())),
    expected: "a single token with no spaces or line breaks inside",
    secret: true,
    blankIsUnset: true,
  },
  GITHUB_REPOSITORY: { schema: OwnerRepoSchema, expected: "owner/repo", blankIsUnset: true },
  LANES_REPO: { schema: OwnerRepoSchema, expected: "owner/repo", blankIsUnset: true },
  LANES_LEASE_MS: {
    schema: positiveInteger,
    expected: "a whole number of milliseconds above 0",
    blankIsUnset: true,
  },
  LANES_TICK_MS: {
    schema: positiveInteger,
    expected: "a whole number of milliseconds above 0",
    blankIsUnset: true,
  },
  LANES_HOME: { schema: nonBlank, expected: "a directory path" },
  LANES_USER: {
    schema: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
    expected: "a user name (letters, digits, _ . -)",
  },
  LANES_WORKTREE_ROOT: { schema: nonBlank, expected: "a directory path" },
  LANES_PREFIX: { schema: z.string().regex(/^\S+$/), expected: "a Redis key prefix with no spaces" },
  LANES_HOST: { schema: nonBlank, expected: "a host name" },
  LANES_DASHBOARD_TOKEN: {
    schema: z.string().regex(/^\S{16,}$/),
    expected: "at least 16 characters with no spaces (e.g. openssl rand -hex 24)",
    secret: true,
    blankIsUnset: true,
  },
} satisfies Record<string, Setting>;

type SettingName = keyof typeof SETTINGS;

/** The settings as the CLI uses them; unset (or blank, where blank means unset) ones are absent. */
export type CliEnv = { [K in SettingName]?: z.output<(typeof SETTINGS)[K]["schema"]> };

function describeValue(name: SettingName, value: string): string {
  const setting: Setting = SETTINGS[name];
  if (setting.secret) return `${name} (value not shown)`;
  return `${name}=${JSON.stringify(setting.show ? setting.show(value) : value)}`;
}

/** Validates every setting the CLI reads; throws one EnvSettingError listing each bad one. */
export function readCliEnv(env: NodeJS.ProcessEnv): CliEnv {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const setting: Setting = SETTINGS[name];
    const raw = env[name];
    if (raw === undefined || (setting.blankIsUnset && raw.trim() === "")) continue;
    const parsed = setting.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${describeValue(name, raw)} is not valid; expected ${setting.expected}`);
  }
  if (problems.length > 0) throw new EnvSettingError(problems.join("; "));
  return values as CliEnv;
}

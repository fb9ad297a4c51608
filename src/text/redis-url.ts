// The one check of a Redis URL, for `.github/lanes.yml`, `--redis` and REDIS_URL. Pure; imports nothing.

const REDIS_URL = /^rediss?:\/\/\S+$/;

export const isRedisUrl = (value: string): boolean => REDIS_URL.test(value);

/** The expected form, for error messages. */
export const REDIS_URL_FORM = "redis://host:port (or rediss:// for TLS)";

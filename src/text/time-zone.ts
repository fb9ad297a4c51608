// The one check of an IANA time zone name, for `standup.zone` and a usage limit's reset clock. Pure.

/**
 * Whether `zone` names a time zone this runtime knows. UTC is answered without Intl: the first
 * `Intl.DateTimeFormat` loads ICU's zone data (~20 ms of a CLI run), and lanes init writes zone: UTC.
 */
export function isTimeZone(zone: string): boolean {
  if (zone === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// A light check of 5-field cron expressions (minute hour day-of-month month day-of-week), so a bad
// `integration.schedule` is caught when the config is read rather than when the schedule fires.

const FIELDS: readonly { min: number; max: number; names?: readonly string[] }[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  {
    min: 1,
    max: 12,
    names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
  },
  { min: 0, max: 7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

export function isCronExpression(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  return (
    parts.length === FIELDS.length &&
    parts.every((part, i) => {
      const range = FIELDS[i];
      return range !== undefined && isCronField(part, range);
    })
  );
}

function isCronField(field: string, range: { min: number; max: number; names?: readonly string[] }): boolean {
  return field.split(",").every((item) => {
    const [body = "", step, ...rest] = item.split("/");
    if (rest.length > 0 || (step !== undefined && !/^[1-9]\d*$/.test(step))) return false;
    if (body === "*") return true;
    const bounds = body.split("-");
    if (bounds.length > 2) return false;
    const values = bounds.map((b) => valueOf(b, range));
    if (values.some((v) => v === undefined)) return false;
    return bounds.length === 1 || (values[0] ?? 0) <= (values[1] ?? 0);
  });
}

function valueOf(
  token: string,
  range: { min: number; max: number; names?: readonly string[] },
): number | undefined {
  const named = range.names?.indexOf(token.toLowerCase()) ?? -1;
  if (named >= 0) return named + (range.min === 1 ? 1 : 0);
  if (!/^\d+$/.test(token)) return undefined;
  const value = Number(token);
  return value >= range.min && value <= range.max ? value : undefined;
}

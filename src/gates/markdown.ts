// Small markdown builders for check-run summaries: tables with escaped cells, capped lists, code fences.

export function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A fenced block that its content cannot close early, however many backticks it holds. */
export function fence(content: string, info = ""): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${info}\n${content}\n${ticks}`;
}

export function capped<T>(
  items: readonly T[],
  max: number,
  render: (item: T) => string[],
): { rows: string[][]; note: string } {
  const rows = items.slice(0, max).map(render);
  return {
    rows,
    note: items.length > max ? `\n\n…and ${items.length - max} more (see the annotations).` : "",
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : word === "criterion" ? "criteria" : `${word}s`}`;
}

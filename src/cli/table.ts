// Column output for the CLI: each column as wide as its widest cell, the last column never padded
// (so no line ends in spaces). Commands build rows from the same value they print with --json.

export interface TableOptions {
  /** A first row of column titles. */
  header?: readonly string[];
  /** Put before every line (e.g. two spaces under a heading). */
  indent?: string;
  /** Spaces between columns. */
  gap?: number;
  /** Columns at least this wide, to line up with another table. */
  minWidths?: readonly number[];
}

/** One line per row (the header first, when given), in row order, so callers can interleave notes. */
export function tableLines(rows: readonly (readonly string[])[], options: TableOptions = {}): string[] {
  const all = options.header ? [options.header, ...rows] : rows;
  const widths: number[] = [...(options.minWidths ?? [])];
  for (const row of all)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  const gap = " ".repeat(options.gap ?? 2);
  return all.map(
    (row) =>
      (options.indent ?? "") +
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join(gap)
        .trimEnd(),
  );
}

/** The table as one string, lines joined by newlines. */
export const renderTable = (rows: readonly (readonly string[])[], options: TableOptions = {}): string =>
  tableLines(rows, options).join("\n");

// Maps key paths of a YAML document to the lines they are written on, so config errors can say
// "line 12". A small scanner over block-style YAML (mappings, sequences, block scalars, comments);
// inside flow collections (`{a: 1}`, `[x, y]`) deeper paths resolve to the line of the enclosing key.

export type KeyPath = readonly (string | number)[];

interface Frame {
  indent: number;
  path: KeyPath;
  seq: boolean;
  next: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:][^#]*?|-[^\s#][^#]*?)\s*:(?:\s+|$)(.*)$/;

export class YamlKeyLines {
  private readonly lines = new Map<string, number>();
  private readonly source: readonly string[];

  constructor(text: string) {
    this.source = text.split(/\r\n|\r|\n/);
    this.scan(this.source);
  }

  /**
   * The line of `path`, or of its nearest written ancestor. When no part of the path was found as a
   * block key (flow style, JSON), the first line that writes the last key as `key:` is the best guess.
   */
  lineOf(path: KeyPath): number | undefined {
    for (let length = path.length; length > 0; length -= 1) {
      const line = this.lines.get(keyOf(path.slice(0, length)));
      if (line !== undefined) return line;
    }
    const last = [...path].reverse().find((segment): segment is string => typeof segment === "string");
    if (last === undefined) return undefined;
    const escaped = last.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(^|[\\s{,])(["']?)${escaped}\\2\\s*:`);
    const index = this.source.findIndex((line) => pattern.test(line));
    return index === -1 ? undefined : index + 1;
  }

  private scan(source: readonly string[]): void {
    const stack: Frame[] = [];
    let pending: { indent: number; path: KeyPath } | undefined;
    let scalarIndent: number | undefined;
    source.forEach((raw, index) => {
      const lineNo = index + 1;
      const content = raw.trimStart();
      const indent = raw.length - content.length;
      if (scalarIndent !== undefined) {
        if (content === "" || indent > scalarIndent) return;
        scalarIndent = undefined;
      }
      if (content === "" || content.startsWith("#") || content === "---" || content === "...") return;
      if (stack.length === 0) stack.push({ indent, path: [], seq: content.startsWith("-"), next: 0 });
      if (
        pending !== undefined &&
        (indent > pending.indent || (indent === pending.indent && isItem(content)))
      ) {
        stack.push({ indent, path: pending.path, seq: isItem(content), next: 0 });
      }
      pending = undefined;
      let top = stack[stack.length - 1];
      while (
        top !== undefined &&
        stack.length > 1 &&
        (top.indent > indent || (top.indent === indent && top.seq && !isItem(content)))
      ) {
        stack.pop();
        top = stack[stack.length - 1];
      }
      if (top === undefined || indent > top.indent) return; // continuation of a multi-line plain scalar
      const result = this.entry(stack, top, indent, content, lineNo);
      pending = result.pending;
      scalarIndent = result.blockScalar ? indent : undefined;
    });
  }

  private entry(
    stack: Frame[],
    frame: Frame,
    indent: number,
    content: string,
    lineNo: number,
  ): { pending?: { indent: number; path: KeyPath }; blockScalar: boolean } {
    if (frame.seq && isItem(content)) {
      const path = [...frame.path, frame.next];
      frame.next += 1;
      this.record(path, lineNo);
      const rest = content.slice(1).trimStart();
      if (rest === "" || rest.startsWith("#")) return { pending: { indent, path }, blockScalar: false };
      const nested: Frame = {
        indent: indent + content.length - rest.length,
        path,
        seq: isItem(rest),
        next: 0,
      };
      stack.push(nested);
      return this.entry(stack, nested, nested.indent, rest, lineNo);
    }
    const match = KEY.exec(content);
    if (match === null) return { blockScalar: false };
    const path = [...frame.path, unquote(match[1] ?? "")];
    this.record(path, lineNo);
    const value = (match[2] ?? "").replace(/(^|\s)#.*$/, "").trim();
    if (value === "") return { pending: { indent, path }, blockScalar: false };
    return { blockScalar: /^[|>][-+0-9]*$/.test(value) };
  }

  private record(path: KeyPath, line: number): void {
    const key = keyOf(path);
    if (!this.lines.has(key)) this.lines.set(key, line);
  }
}

function isItem(content: string): boolean {
  return content === "-" || content.startsWith("- ");
}

function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, "$1");
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}

function keyOf(path: KeyPath): string {
  return JSON.stringify(path.map(String));
}

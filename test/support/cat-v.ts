// Shows text as `cat -v` does (ESC as ^[, NUL as ^@, DEL as ^?, C1 as M-^…), so a test can assert that no
// control character reaches a terminal: `expect(catV(out)).not.toContain("^[")`. Line breaks and tabs stay.
export function catV(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (c === "\n" || c === "\t") return c;
      if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
      if (code === 0x7f) return "^?";
      if (code >= 0x80 && code < 0xa0) return `M-^${String.fromCharCode(code - 0x80 + 0x40)}`;
      return c;
    })
    .join("");
}

/** True when the text holds no control character but line breaks and tabs. */
export const isPrintable = (text: string): boolean => catV(text) === text;

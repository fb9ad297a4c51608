// Quoting for sh, for the two places a command line is built from argv (tmux's one-argument form and
// Claude Code hook commands). Plain words stay as they are; anything else is single-quoted.

export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// The live view on a terminal: after each change (and on a short timer, for the spinner and elapsed
// times) it moves the cursor back over its last frame, prints the lines logged meanwhile (they stay) and
// draws the steps again over the old ones — one write per frame. It never hides the
// cursor or switches screens, so a crash leaves a usable terminal.
import { sanitizeText } from "../../text/sanitize.js";
import { ProgressBoard } from "./progress-board.js";
import type { Progress } from "./progress.js";
import { renderProgress } from "./render-progress.js";

export interface LiveProgressDeps {
  write: (text: string) => void;
  terminal: () => { columns: number; rows: number };
  now: () => number;
  /** Redraw period for the spinner and elapsed times (ms). */
  tickMs?: number;
}

export function liveProgress(deps: LiveProgressDeps): Progress {
  const board = new ProgressBoard();
  let height = 0;
  let frame = 0;
  let logged: string[] = [];
  let last = "";
  let ended = false;

  const draw = (): void => {
    const { columns, rows } = deps.terminal();
    const lines = renderProgress(board.steps, { now: deps.now(), columns, rows, color: true, frame });
    const view = lines.map((l) => `${l}\x1b[K\n`).join("");
    if (logged.length === 0 && view === last) return;
    // Each line erases its own rest (ESC[K); only what a shorter frame leaves below is cleared with ESC[J.
    // Clearing the whole frame at once would, at the top of a tmux pane, push it into the history.
    const back = height > 0 ? `\x1b[${height}A\r` : "";
    const below = lines.length + logged.length < height ? "\x1b[J" : "";
    deps.write(`${back}${logged.map((l) => `${l}\x1b[K\n`).join("")}${view}${below}`);
    logged = [];
    last = view;
    height = lines.length;
  };
  const timer = setInterval(() => {
    frame += 1;
    draw();
  }, deps.tickMs ?? 200);
  timer.unref();

  const changed = (apply: () => void): void => {
    if (ended) return;
    apply();
    draw();
  };
  return {
    pending: (key, label, options) => changed(() => board.pending(key, label, options)),
    start: (key, label, options) => changed(() => board.start(key, label, deps.now(), options)),
    update: (key, change) => changed(() => board.update(key, change)),
    finish: (key, state = "done", note) => changed(() => board.finish(key, state, deps.now(), note)),
    log: (line) => changed(() => logged.push(...sanitizeText(line).split("\n"))),
    end: (failed = false) => {
      if (ended) return;
      if (failed) board.failRunning(deps.now());
      draw();
      ended = true;
      clearInterval(timer);
    },
  };
}

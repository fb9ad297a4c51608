// Draws a long command's steps as the lines of a compact live view: an icon for the state, the label and
// note (sanitised: they carry issue titles and agent states), the elapsed time; cut to the terminal's width
// and, when taller than the terminal, earlier finished steps folded into one line. Pure.
import { sanitizeText } from "../../text/sanitize.js";
import type { ProgressStep, StepState } from "./progress-board.js";
import { fitWidth, padWidth, textWidth } from "./text-width.js";

export interface RenderOptions {
  now: number;
  columns: number;
  rows: number;
  /** ANSI colours for the icons and times. */
  color: boolean;
  /** Animation frame of the running steps' spinner. */
  frame: number;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const ICONS: Record<Exclude<StepState, "running">, string> = {
  pending: "·",
  done: "✓",
  failed: "✗",
  skipped: "-",
};
const COLORS: Record<StepState, number> = { pending: 2, running: 33, done: 32, failed: 31, skipped: 2 };
const TIME_COLUMNS = 8;

/** 0.4s, 12s, 3m 05s, 1h 02m. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (seconds < 60) return `${Math.floor(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(Math.floor(seconds % 60)).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

function paint(text: string, code: number, color: boolean): string {
  if (!color) return text;
  return code === 2 ? `\x1b[2m${text}\x1b[22m` : `\x1b[${code}m${text}\x1b[39m`;
}

function elapsedOf(step: ProgressStep, now: number): string {
  if (step.startedAt === undefined) return "";
  return formatElapsed((step.endedAt ?? now) - step.startedAt);
}

function bodyOf(step: ProgressStep): string {
  const inert = (text: string) => sanitizeText(text, { newlines: false, tabs: false });
  return step.note ? `${inert(step.label)}: ${inert(step.note)}` : inert(step.label);
}

interface Row {
  indent: string;
  icon: string;
  state: StepState;
  body: string;
  time: string;
}

function rowOf(step: ProgressStep, options: RenderOptions): Row {
  return {
    indent: step.parent ? "    " : "  ",
    icon: step.state === "running" ? (SPINNER[options.frame % SPINNER.length] as string) : ICONS[step.state],
    state: step.state,
    body: bodyOf(step),
    time: elapsedOf(step, options.now),
  };
}

const finished = (s: ProgressStep) => s.state === "done" || s.state === "skipped";

/** Folds the earliest finished top-level steps (with their children) until the rows fit in `max`. */
function fold(steps: readonly ProgressStep[], max: number): { folded: number; kept: ProgressStep[] } {
  const groups: ProgressStep[][] = [];
  for (const step of steps) {
    if (step.parent && groups.length > 0) groups[groups.length - 1]?.push(step);
    else groups.push([step]);
  }
  let lines = steps.length;
  let folded = 0;
  // the folded steps' line counts too: fold until it fits beside them
  while (
    lines + 1 > max &&
    steps.length > max &&
    groups.length > 1 &&
    (groups[0] as ProgressStep[]).every(finished)
  ) {
    lines -= (groups.shift() as ProgressStep[]).length;
    folded += 1;
  }
  if (folded > 0) lines += 1;
  const kept = groups.flat();
  return { folded, kept: lines > max ? kept.slice(kept.length - (max - (folded > 0 ? 1 : 0))) : kept };
}

/** The view's lines (no line breaks), each at most `columns - 1` columns wide. */
export function renderProgress(steps: readonly ProgressStep[], options: RenderOptions): string[] {
  const max = Math.max(3, options.rows - 1);
  const { folded, kept } = fold(steps, max);
  const rows = kept.map((s) => rowOf(s, options));
  if (folded > 0)
    rows.unshift({
      indent: "  ",
      icon: ICONS.done,
      state: "done",
      body: `${folded} earlier step${folded === 1 ? "" : "s"} done`,
      time: "",
    });
  const room = Math.max(10, options.columns - 1 - 4 - TIME_COLUMNS);
  const width = Math.min(room, Math.max(0, ...rows.map((r) => textWidth(r.body) + r.indent.length - 2)));
  return rows.map((r) => {
    const room = width - (r.indent.length - 2);
    const fitted = fitWidth(r.body, room);
    const icon = paint(r.icon, COLORS[r.state], options.color);
    if (r.time === "")
      return `${r.indent}${icon} ${r.state === "pending" ? paint(fitted, 2, options.color) : fitted}`;
    const time = paint(r.time.padStart(TIME_COLUMNS - 1), 2, options.color);
    return `${r.indent}${icon} ${padWidth(fitted, room)} ${time}`;
  });
}

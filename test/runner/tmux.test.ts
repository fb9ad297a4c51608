import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PaneDeadError } from "../../src/runner/errors.js";
import { sanitizeText } from "../../src/text/sanitize.js";
import { Tmux } from "../../src/runner/tmux.js";
import { privateTmux, type TmuxTestServer } from "../support/tmux.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { waitUntil } from "./wait-until.js";

const RECORDER = resolve("test/fixtures/runner/raw-recorder.mjs");

const HOSTILE = [
  "Title \x1b]0;pwned\x07 with OSC",
  "\x1b[201~ fake end of paste, then a command:",
  "$(touch MARKER) and `touch MARKER` ; rm -rf MARKER_DIR",
  "C-c Enter literal key names \x03 real ctrl-c \x04 ctrl-d \x1a ctrl-z",
  "\x1bPtmux;\x1b\x1b]52;c;dG91Y2g=\x07\x1b\\ DCS passthrough",
  "\x9b2J 8-bit CSI \x1b[2J\x1b[H clear",
  "last line\r\nwith CRLF",
].join("\n");

describe("Tmux driver (private server)", () => {
  let server: TmuxTestServer;
  let tmux: Tmux;
  let tmp: TempDir;

  beforeEach(async () => {
    server = privateTmux();
    tmux = new Tmux(server.socket);
    tmp = await makeTempDir("lanes-tmux");
  });
  afterEach(async () => {
    await tmux.killServer();
    await tmp.remove();
  });

  it("creates a session and windows in the given directory and lists their panes", async () => {
    await tmux.newSession({ session: "stack", window: "status", cwd: tmp.path, command: ["sleep", "60"] });
    const pane = await tmux.newWindow({
      session: "stack",
      window: "dev-1",
      cwd: tmp.path,
      command: ["cat"],
      env: { LANES_LANE: "dev-1" },
    });
    const panes = await tmux.listPanes("stack");
    expect(panes.map((p) => p.windowName)).toEqual(["status", "dev-1"]);
    const dev = panes.find((p) => p.paneId === pane);
    expect(dev).toMatchObject({ dead: false, currentPath: tmp.path });
    expect(dev?.pid).toBeGreaterThan(0);
    expect(await tmux.hasSession("stack")).toBe(true);
    expect(await tmux.hasSession("other")).toBe(false);
  });

  it("keeps a pane whose program exited, reports it dead, refuses to send to it and respawns it", async () => {
    await tmux.newSession({ session: "s", window: "w", cwd: tmp.path, command: ["sh", "-c", "exit 3"] });
    // pane_dead turns on at EOF, the exit status once tmux has reaped the child: wait for both
    const dead = await waitUntil(
      async () => (await tmux.listPanes("s")).find((p) => p.dead && p.deadStatus !== null),
      "pane to die",
    );
    expect(dead.deadStatus).toBe(3);
    await expect(tmux.sendText(dead.paneId, "hello")).rejects.toBeInstanceOf(PaneDeadError);
    await tmux.respawnPane(dead.paneId, { cwd: tmp.path, command: ["cat"] });
    expect(await tmux.isAlive(dead.paneId)).toBe(true);
  });

  it("never pastes into a pane that died after it was last seen alive: tmux 3.3a crashes the whole server on it", async () => {
    // A liveness check that says "alive" stands for the pane dying between a check and the paste (what the
    // chaos test's seed 1018 hit). sendText's own guard runs inside the server, in the paste's command list.
    class StaleView extends Tmux {
      override async isAlive(): Promise<boolean> {
        return true;
      }
    }
    const stale = new StaleView(tmux.socket);
    await tmux.newSession({ session: "s", window: "w", cwd: tmp.path, command: ["sh", "-c", "exit 0"] });
    const dead = await waitUntil(async () => (await tmux.listPanes("s")).find((p) => p.dead), "pane to die");
    await expect(stale.sendText(dead.paneId, "hello")).rejects.toBeInstanceOf(PaneDeadError);
    await expect(stale.sendText(dead.paneId, "", { enter: true })).rejects.toBeInstanceOf(PaneDeadError);
    // the server is still up, and the refused paste left no buffer behind
    expect((await tmux.listPanes("s")).map((p) => p.paneId)).toEqual([dead.paneId]);
    expect(await tmux.run(["list-buffers"])).toBe("");
  });

  it("pastes hostile text into cat as inert text: nothing runs, no file appears", async () => {
    const marker = join(tmp.path, "MARKER");
    const pane = await tmux.newSession({ session: "s", window: "w", cwd: tmp.path, command: ["cat"] });
    await tmux.sendText(pane, HOSTILE);
    const screen = await waitUntil(async () => {
      const text = await tmux.capture(pane, 100);
      return text.includes("with CRLF") && text.split("with CRLF").length > 2 ? text : undefined;
    }, "cat to echo the text");
    expect(screen).toContain("$(touch MARKER) and `touch MARKER` ; rm -rf MARKER_DIR");
    expect(screen).toContain("C-c Enter literal key names");
    expect(screen).not.toContain("pwned");
    expect(await tmux.isAlive(pane)).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it("delivers exactly the sanitised bytes inside one bracketed paste, then Enter as its own key", async () => {
    const record = join(tmp.path, "bytes.log");
    const pane = await tmux.newSession({
      session: "s",
      window: "w",
      cwd: tmp.path,
      command: ["node", RECORDER, record],
    });
    await waitUntil(async () => (await tmux.capture(pane)).includes("ready"), "recorder to start");
    await tmux.sendText(pane, HOSTILE);
    const received = await waitUntil(async () => {
      const lines = (await readFile(record, "utf8")).split("\n").filter(Boolean);
      const bytes = Buffer.concat(lines.map((l) => Buffer.from(l, "base64"))).toString("utf8");
      return bytes.endsWith("\r") && bytes.includes("\x1b[201~") ? bytes : undefined;
    }, "recorder to receive the paste and Enter");
    const expected = sanitizeText(HOSTILE).replace(/\n/g, "\r");
    expect(received).toBe(`\x1b[200~${expected}\x1b[201~\r`);
    expect(existsSync(join(tmp.path, "MARKER"))).toBe(false);
  });

  it("returns no panes when the server is not running", async () => {
    expect(await tmux.listPanes()).toEqual([]);
  });
});

// Debian's Chromium driven by playwright-core (no downloaded browser), with the flags this sandbox needs:
// no background networking (its connections would be refused), a fresh profile per launch.
import { chromium, type BrowserContext } from "playwright-core";
import { makeTempDir, type TempDir } from "../support/tmp.js";

export const CHROMIUM = process.env.LANES_CHROMIUM ?? "/usr/bin/chromium";

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const profile: TempDir = await makeTempDir("lanes-chromium");
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close();
      await profile.remove();
    },
  };
}

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../artifacts/screenshots',
);

/** Debian's chromium, headless, with a fresh profile and no background traffic (the machine has no internet). */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'mullet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot to artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Per canvas under `selector`: its size and the share of its pixels drawn in color (not white, gray or clear). */
export async function canvasInk(
  page: Page,
  selector: string,
): Promise<Array<{ width: number; height: number; colorShare: number; paintedShare: number }>> {
  // the root tsconfig has no DOM lib: describe the little of a canvas this reads
  interface CanvasLike {
    width: number;
    height: number;
    getContext(
      kind: '2d',
    ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
  }
  return page.$$eval(selector, (canvases) =>
    (canvases as unknown as CanvasLike[]).map((canvas) => {
      const ctx = canvas.getContext('2d');
      if (ctx === null || canvas.width === 0 || canvas.height === 0)
        return { width: canvas.width, height: canvas.height, colorShare: 0, paintedShare: 0 };
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let color = 0;
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i]!;
        const g = data[i + 1]!;
        const b = data[i + 2]!;
        const a = data[i + 3]!;
        if (a < 16) continue;
        if (r < 245 || g < 245 || b < 245) painted++;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 40) color++;
      }
      const n = canvas.width * canvas.height;
      return { width: canvas.width, height: canvas.height, colorShare: color / n, paintedShare: painted / n };
    }),
  );
}

/** Polls until the element's attribute has the value (Playwright's expect is not part of playwright-core). */
export async function waitForAttribute(
  locator: Locator,
  name: string,
  value: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: string | null = null;
  while (Date.now() < deadline) {
    seen = await locator.getAttribute(name);
    if (seen === value) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name} stayed ${JSON.stringify(seen)}, expected ${JSON.stringify(value)}`);
}

/** The text of an element ('' when it has none). */
export async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/**
 * Polls {@link canvasInk} until at least `count` canvases match and each has `minColorShare` of colored
 * pixels (charts draw after the page settles), then returns the last reading; the caller asserts on it.
 */
export async function waitForInk(
  page: Page,
  selector: string,
  count: number,
  minColorShare: number,
  timeoutMs = 10_000,
): ReturnType<typeof canvasInk> {
  const deadline = Date.now() + timeoutMs;
  let ink = await canvasInk(page, selector);
  while (Date.now() < deadline) {
    if (ink.length >= count && ink.every((c) => c.colorShare >= minColorShare)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
    ink = await canvasInk(page, selector);
  }
  return ink;
}

/**
 * Chromium for the bench: the system browser, GC exposed, and every run in a fresh browser context
 * (new page, empty caches and heap state) with a time limit, so one renderer never warms up or
 * slows down the next.
 */
import { type Browser, chromium, type Page } from 'playwright-core';

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--js-flags=--expose-gc',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
}

export class RunTimeout extends Error {}

/** Opens `url` in a new context, runs `body`, always closes the context; rejects after `timeoutMs`. */
export async function inFreshPage<T>(
  browser: Browser,
  url: string,
  timeoutMs: number,
  body: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RunTimeout(`run exceeded ${timeoutMs} ms`)), timeoutMs);
    });
    const result = await Promise.race([body(page), timeout]);
    if (errors.length > 0) console.warn(`  page errors: ${errors.slice(0, 3).join(' | ')}`);
    return result;
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
  }
}

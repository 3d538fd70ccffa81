/**
 * Drives the Markdown harness page (`/harness.html`, a bare `<Markdown>` behind
 * `window.__render`) for the security tests, with guards that record anything a payload might
 * make the browser do: script writing the `top.__xss` marker, dialogs, popups, navigation away
 * from the page, requests to other origins and uncaught page errors.
 */
import { expect, type Page } from '@playwright/test';
import { installInspector } from './render-checks';

/** Everything the guards saw; every list must stay empty. */
export interface Guards {
  /** Values written to `top.__xss` (a payload's number when it executed). */
  hits(): Promise<string[]>;
  dialogs: string[];
  popups: string[];
  navigations: string[];
  offsiteRequests: string[];
  pageErrors: string[];
}

/** Runs in every frame before any of its scripts. */
function installPageGuards() {
  // Any script that writes the marker, in this frame or (through `top`) in a child frame, is
  // reported to the test at once, so a hit is kept even if the script then replaces the document.
  const report = (window as unknown as { __xssReport: (value: string) => void }).__xssReport;
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get: () => undefined,
    set: (value: unknown) => {
      void report(String(value));
    },
  });
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link) return;
      let protocol = 'unparseable:';
      try {
        protocol = new URL(link.href).protocol;
      } catch {}
      // Following a link would leave the page; only a `javascript:` link is let through, so that
      // it runs (and is caught) if one ever reaches the DOM.
      if (protocol !== 'javascript:') event.preventDefault();
    },
    true,
  );
}

/** Opens the harness page with the guards on. */
export async function openHarness(page: Page, baseURL: string | undefined): Promise<Guards> {
  if (!baseURL) throw new Error('The security tests need a baseURL');
  const origin = new URL(baseURL).origin;
  const guards: Omit<Guards, 'hits'> = {
    dialogs: [],
    popups: [],
    navigations: [],
    offsiteRequests: [],
    pageErrors: [],
  };
  page.on('dialog', (dialog) => {
    guards.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('popup', (popup) => {
    guards.popups.push(popup.url());
    void popup.close();
  });
  page.on('pageerror', (error) => guards.pageErrors.push(error.message));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !frame.url().includes('/harness.html')) guards.navigations.push(frame.url());
  });
  const hits: string[] = [];
  await page.exposeFunction('__xssReport', (value: string) => {
    hits.push(value);
  });
  await page.addInitScript(installPageGuards);
  await page.addInitScript(installInspector);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    guards.offsiteRequests.push(url);
    return route.abort();
  });
  await page.goto('/harness.html');
  await page.waitForFunction(() => (window as unknown as { __harnessReady?: boolean }).__harnessReady === true);
  return {
    ...guards,
    hits: async () => hits.slice(),
  };
}

/** Asserts that no guard fired. `offsite` requests may be allowed (benign https images). */
export async function expectNoEffects(guards: Guards, options: { allowOffsiteRequests?: boolean } = {}) {
  expect(await guards.hits(), 'payloads whose script ran (top.__xss)').toEqual([]);
  expect(guards.dialogs, 'dialogs opened').toEqual([]);
  expect(guards.popups, 'popups opened').toEqual([]);
  expect(guards.navigations, 'navigations away from the page').toEqual([]);
  expect(guards.pageErrors, 'uncaught page errors').toEqual([]);
  if (!options.allowOffsiteRequests) expect(guards.offsiteRequests, 'requests to other origins').toEqual([]);
}

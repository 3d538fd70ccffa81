/**
 * No script runs and no dangerous URL reaches the DOM, for every payload of the XSS corpus,
 * rendered by `<Markdown>` in Chromium whole and cut at every prefix while streaming. Every link
 * is activated after every render, and the finished render's links are clicked with the mouse.
 */
import { expect, test } from '@playwright/test';
import { expectNoEffects, openHarness } from './harness';
import { inspectCurrent, renderAndInspect } from './render-checks';
import { type XssCategory, type XssPayload, xssCorpus } from './xss-corpus';

/** What a URL in the rendered DOM may resolve to by default. */
const webProtocols = ['http:', 'https:', 'mailto:'];
/** The corpus is shared out between this many tests, so the workers run them side by side. */
const chunkCount = 6;
const chunkSize = Math.ceil(xssCorpus.length / chunkCount);

const chunks: XssPayload[][] = [];
for (let start = 0; start < xssCorpus.length; start += chunkSize)
  chunks.push(xssCorpus.slice(start, start + chunkSize));

test('the corpus holds at least 60 payloads covering every category, each with its own marker', () => {
  expect(xssCorpus.length).toBeGreaterThanOrEqual(60);
  const categories: XssCategory[] = [
    'raw-html',
    'mutation',
    'link',
    'entity',
    'whitespace',
    'reference',
    'autolink',
    'image',
    'title',
    'code',
    'nested',
  ];
  expect(new Set(xssCorpus.map((payload) => payload.category))).toEqual(new Set(categories));
  expect(new Set(xssCorpus.map((payload) => payload.markdown)).size).toBe(xssCorpus.length);
  for (const payload of xssCorpus) {
    // Each payload either names itself when it runs, or is one the DOM checks alone must catch.
    const runsScript = payload.markdown.includes(`top.__xss=${payload.id}`);
    const caughtByDom = /vbscript:|data:|file:/i.test(payload.markdown);
    expect(runsScript || caughtByDom, `payload #${payload.id} ${payload.name}`).toBe(true);
  }
});

test.describe('XSS corpus in Chromium', () => {
  for (const chunk of chunks) {
    const first = chunk[0]?.id ?? 0;
    const last = chunk[chunk.length - 1]?.id ?? 0;
    test(`payloads ${first}-${last}: nothing runs, no dangerous URL, handler or element, at any prefix`, async ({
      page,
      baseURL,
    }, testInfo) => {
      const started = Date.now();
      const guards = await openHarness(page, baseURL);
      const violations: string[] = [];
      let renders = 0;
      let clicks = 0;
      for (const payload of chunk) {
        const label = `#${payload.id} ${payload.name}`;
        const result = await page.evaluate(renderAndInspect, {
          markdown: payload.markdown,
          key: `payload-${payload.id}`,
          prefixes: true,
          allowedProtocols: webProtocols,
        });
        renders += result.renders;
        clicks += result.clicks;
        violations.push(...result.violations.map((violation) => `${label}: ${violation}`));

        // The finished render's links, clicked as a user would (the page keeps them from navigating).
        const links = page.locator('#root a');
        const count = await links.count();
        for (let index = 0; index < count; index += 1) {
          await links.nth(index).click({ timeout: 2_000 });
          clicks += 1;
        }

        // Highlighted code arrives later; check the DOM again once it is there.
        const highlighting = page.locator('#root .rivulet-code-block[data-language]');
        if ((await highlighting.count()) > 0) {
          await expect(highlighting.first()).toHaveAttribute('data-highlighted', 'true');
        }
        const late = await page.evaluate(inspectCurrent, webProtocols);
        violations.push(...late.map((violation) => `${label}: after settling: ${violation}`));
      }
      // Late effects: failed image loads, frames loading, queued javascript: navigations.
      await page.waitForTimeout(300);
      expect(violations).toEqual([]);
      await expectNoEffects(guards);
      expect(renders).toBeGreaterThan(chunk.length);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      testInfo.annotations.push({
        type: 'xss',
        description: `${chunk.length} payloads, ${renders} renders, ${clicks} link activations in ${seconds} s`,
      });
    });
  }
});

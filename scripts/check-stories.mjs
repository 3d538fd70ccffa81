#!/usr/bin/env node
// Opens every story of a running or built Storybook in Chromium and fails when one throws, its play
// function fails, the page logs an error, or axe finds a violation once it has rendered.
// Usage: node scripts/check-stories.mjs [storybook url or built folder] [title prefix]
//   pnpm build-storybook && node scripts/check-stories.mjs storybook-static   (what `pnpm test:stories` does)
//   node scripts/check-stories.mjs http://127.0.0.1:6006 Chat/   (a dev server, only the Chat stories)
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const target = process.argv[2] ?? 'http://127.0.0.1:6006';
const prefix = process.argv[3] ?? '';
const server = /^https?:/.test(target) ? undefined : await serve(resolve(target));
const base = (server ? `http://127.0.0.1:${server.address().port}` : target).replace(/\/$/, '');

const index = await (await fetch(`${base}/index.json`)).json();
const stories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && entry.title.startsWith(prefix),
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const failures = [];
const reports = new Map();

// Stories are checked a few at a time, each worker in its own browser context (storage is not shared):
// most of a story's check is waiting for its play function and its streamed answer, not CPU.
const concurrency = Math.max(1, Number(process.env.STORIES_CONCURRENCY ?? 3));
let next = 0;
let printed = 0;
await Promise.all(
  Array.from({ length: Math.min(concurrency, stories.length) }, async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    while (next < stories.length) {
      const position = next;
      next += 1;
      reports.set(position, await checkOne(context, stories[position]));
      // Printed in the index's order, as each story's turn comes.
      while (reports.has(printed)) {
        console.log(reports.get(printed));
        printed += 1;
      }
    }
    await context.close();
  }),
);

await browser.close();
server?.close();
console.log(`\n${stories.length - failures.length}/${stories.length} stories passed`);
process.exit(failures.length === 0 ? 0 : 1);

/** Checks one story in a new page of `context`; returns its report lines. */
async function checkOne(context, story) {
  const started = Date.now();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    // The dev server has no favicon; nothing a story did.
    if (url.endsWith('/favicon.ico')) return;
    problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  try {
    await checkStory(page, story, problems);
  } catch (error) {
    problems.push(`check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  await page.close();
  if (problems.length > 0) failures.push(story.id);
  return [
    `${problems.length === 0 ? 'ok  ' : 'FAIL'} ${story.title} / ${story.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    ...problems.map((problem) => `     ${problem}`),
  ].join('\n');
}

async function checkStory(page, story, problems) {
  // Storybook reports on its channel when the story rendered (after its play function) or failed:
  // listen from the moment the channel exists, so a story that renders at once is not missed.
  await page.addInitScript(() => {
    const listen = () => {
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
      if (!channel) return setTimeout(listen, 10);
      channel.on('storyRendered', () => {
        window.__storyOutcome ??= 'rendered';
      });
      for (const event of ['storyThrewException', 'playFunctionThrewException', 'storyErrored']) {
        channel.on(event, (error) => {
          window.__storyOutcome ??= `${event}: ${error?.message ?? error?.title ?? ''}`;
        });
      }
    };
    listen();
  });
  await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
  const outcome = await page
    .waitForFunction(() => window.__storyOutcome, undefined, { timeout: 20_000 })
    .then((handle) => handle.jsonValue())
    .catch(() => 'timed out waiting for the story to render');
  if (outcome !== 'rendered') problems.push(outcome);
  else {
    // Let streamed answers settle a little before the scan.
    await page.waitForTimeout(500);
    const results = await scan(page);
    for (const violation of results.violations) {
      problems.push(
        `axe ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(', ')})`,
      );
    }
  }
}

/**
 * Axe's scan of the story. Storybook's a11y addon scans each story too once it renders, and axe runs one
 * scan at a time in a page: when the addon's is still going (a long story), wait for it and scan again.
 */
async function scan(page) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // Legacy mode: axe runs in the story's page alone. The default opens a blank page per scan to
      // merge results across frames, which costs about half a second a story; a story has no frames.
      return await new AxeBuilder({ page }).include('#storybook-root').setLegacyMode(true).analyze();
    } catch (error) {
      if (attempt >= 40 || !String(error?.message ?? error).includes('Axe is already running')) throw error;
      await page.waitForTimeout(250);
    }
  }
}

/** Serves a built Storybook folder on a free local port. */
function serve(root) {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
    '.png': 'image/png',
  };
  const http = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => http.listen(0, '127.0.0.1', () => done(http)));
}

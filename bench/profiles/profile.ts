/**
 * CPU profile of one streaming run: builds the renderer bench page unminified (so function names
 * survive), streams a fixture through one renderer exactly as `pnpm bench` does, with the V8
 * sampling profiler on, and prints the flush figures and the functions with the most self and
 * total time. The raw profile is written beside the summary so it can be opened in DevTools.
 *
 *   npx tsx bench/profiles/profile.ts                # rivulet, 40k
 *   PROFILE_RENDERER=streamdown PROFILE_SIZE=200k npx tsx bench/profiles/profile.ts
 *   PROFILE_SLOW_MS=16 ...                           # also: self time inside flushes slower than this
 *   PROFILE_SKIP_BUILD=1 ...                         # reuse the last build
 *   PROFILE_DIST=dir ...                             # build into / serve from `dir` (to keep two builds)
 *   PROFILE_INIT='js' ...                            # a script run in the page before its own (an experiment's switch)
 *   PROFILE_CONSOLE=1 ...                            # print the page's (and its workers') console
 *   PROFILE_CSS='.x { … }' ...                        # extra stylesheet, to try a CSS change
 *   PROFILE_RUN=raf ...                              # the rAF-driven run (1,000 deltas/s) instead
 *   PROFILE_RUN=conversation ...                     # the conversation run (PROFILE_HISTORY answers, default 1,000 as in the bench):
 *                                                    # flush median, and the scroll frames over 12 ms of work
 *   PROFILE_TRACE=1 ...                              # a Chromium trace instead of the sampling profiler:
 *                                                    # main-thread CPU time by event (script, style,
 *                                                    # layout, paint, messages), busy time of workers
 *   PROFILE_TRACE_SAMPLES=1 PROFILE_TRACE=1 ...      # the trace also holds JavaScript samples: DevTools'
 *                                                    # Performance panel shows the call stacks in each frame
 *
 * `ab.sh` beside this file runs builds kept with PROFILE_DIST interleaved, a few rounds, and prints
 * medians of the wall total and of the main thread's and worker's CPU time (from traces): on a
 * busy machine CPU time varies much less than wall time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession as Cdp, Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../src/runner/browser';
import { benchRoot, config, readFixture } from '../src/runner/config';
import type { SizeId } from '../src/runner/results';
import { serveDirectory } from '../src/runner/serve';
import { median } from '../src/runner/stats';
import { conversationHistory, conversationMessage } from '../src/runner/workloads';
import type { RendererId } from '../src/shared/types';
import { summarizeTrace } from './trace';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const renderer = (process.env.PROFILE_RENDERER ?? 'rivulet') as RendererId;
const size = (process.env.PROFILE_SIZE ?? '40k') as SizeId;
const top = Number(process.env.PROFILE_TOP ?? 40);
const slowMs = Number(process.env.PROFILE_SLOW_MS ?? 0);
const trace = Boolean(process.env.PROFILE_TRACE);
const outDir = process.env.PROFILE_DIST ?? join(benchRoot, 'profiles', 'dist');

if (!process.env.PROFILE_SKIP_BUILD) {
  await build({
    configFile: join(benchRoot, 'vite.config.ts'),
    mode: 'production',
    build: { outDir, emptyOutDir: true, minify: false },
  });
}

function label(frame: CallFrame): string {
  const file = frame.url.split('/').pop() ?? '';
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** Self and total milliseconds per function, over the samples whose timestamps pass `keep`. */
function summarize(profile: Profile, keep: (time: number) => boolean) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    time += profile.timeDeltas[index] ?? 0;
    if (!keep(time)) continue;
    let id: number | undefined = profile.samples[index];
    const node = byId.get(id ?? -1);
    if (!node) continue;
    const name = label(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + delta);
    const seen = new Set<string>();
    while (id !== undefined) {
      const current = byId.get(id);
      if (!current) break;
      const key = label(current.callFrame);
      if (!seen.has(key)) {
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + delta);
      }
      id = parent.get(id);
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { self: sorted(self), total: sorted(total) };
}

/**
 * Time ranges (profile clock, µs) of runs of consecutive samples taken inside the bench's `flush`
 * (update + layout) that last over `minMs`: each is one slow flush (two fast ones may merge when
 * no sample falls between them, which keeps them under the threshold anyway).
 */
function slowFlushRanges(profile: Profile, minMs: number): [number, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inFlush = new Map<number, boolean>();
  const isInFlush = (id: number): boolean => {
    const known = inFlush.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame;
    const parentId = parent.get(id);
    const value =
      (frame?.functionName === 'flush' && frame.url.includes('index')) ||
      (parentId !== undefined && isInFlush(parentId));
    inFlush.set(id, value);
    return value;
  };
  const ranges: [number, number][] = [];
  let time = profile.startTime;
  let start: number | undefined;
  let last = time;
  for (let index = 0; index < profile.samples.length; index += 1) {
    time += profile.timeDeltas[index] ?? 0;
    const inside = isInFlush(profile.samples[index] ?? -1);
    if (inside) {
      start ??= time;
      last = time;
    } else if (start !== undefined) {
      if (last - start > minMs * 1000) ranges.push([start, last]);
      start = undefined;
    }
  }
  return ranges;
}

function print(title: string, rows: [string, number][]): void {
  console.log(`\n${title}`);
  for (const [name, ms] of rows) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
}

/** What both runs stream: the fixture, after the 2 KB answer unmeasured (one-time costs out of the figures). */
const baseOptions = { renderer, text: readFixture(size), seed: 1, warmup: readFixture('2k') };

async function profileRaf(page: Page, cdp: Cdp | undefined): Promise<void> {
  const options = { ...baseOptions, deltasPerSecond: config.rafDeltasPerSecond };
  const result = await page.evaluate((o) => window.bench!.runRaf(o), options);
  const long = result.frameIntervals.map((ms, index) => [index, ms] as const).filter(([, ms]) => ms > 20);
  console.log(
    `${renderer} ${size} rAF: ${result.frameIntervals.length} frames, ${long.length} over 20 ms; ` +
      `work per frame median ${median(result.flushes).toFixed(2)} ms, max ${Math.max(0, ...result.flushes).toFixed(1)} ms`,
  );
  console.log(long.map(([index, ms]) => `${index}: ${ms.toFixed(0)}`).join(', '));
  if (!cdp) return;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const all = summarize(profile, () => true);
  print('self time', all.self);
  print('total time', all.total);
}

async function profileStream(page: Page, cdp: Cdp | undefined): Promise<void> {
  const options = { ...baseOptions, deltasPerFlush: config.deltasPerFlush };
  const result = await page.evaluate((o) => window.bench!.runStream(o), options);
  const flushes = [...result.flushes].sort((a, b) => a - b);
  const inFlushes = flushes.reduce((sum, ms) => sum + ms, 0);
  const at = (q: number) => flushes[Math.min(flushes.length - 1, Math.floor(q * flushes.length))] ?? 0;
  console.log(
    `${renderer} ${size}: ${flushes.length} flushes, median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, ` +
      `max ${at(1).toFixed(1)} ms, >16ms ${flushes.filter((ms) => ms > 16).length}, total ${result.total.toFixed(0)} ms, ` +
      `static ${result.static.toFixed(1)} ms`,
  );
  console.log(`inside flushes ${inFlushes.toFixed(0)} ms, between flushes ${(result.total - inFlushes).toFixed(0)} ms`);
  console.log(`streamed DOM: ${result.streamed.elements} elements; static DOM: ${result.staticDom.elements} elements`);
  const worst = result.flushes
    .map((ms, index) => [index, ms] as const)
    .filter(([, ms]) => ms > 16)
    .slice(0, 30);
  console.log(`slow flushes (index: ms): ${worst.map(([i, ms]) => `${i}: ${ms.toFixed(1)}`).join(', ')}`);
  if (!cdp) return;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const file = join(outDir, `${renderer}-${size}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const all = summarize(profile, () => true);
  print('self time', all.self);
  print('total time', all.total);
  if (slowMs > 0) {
    const slowRanges = slowFlushRanges(profile, slowMs);
    const durations = slowRanges.map(([a, b]) => ((b - a) / 1000).toFixed(0)).join(', ');
    console.log(`\n${slowRanges.length} sampled flushes over ${slowMs} ms: ${durations}`);
    const slow = summarize(profile, (time) => slowRanges.some(([a, b]) => time >= a && time <= b));
    print(`self time inside flushes over ${slowMs} ms`, slow.self);
    print(`total time inside flushes over ${slowMs} ms`, slow.total);
  }
  console.log(`\nprofile written to ${file}`);
}

/** The conversation run: `PROFILE_HISTORY` finished answers (default: the bench's 1,000) plus one streaming. */
async function profileConversation(page: Page): Promise<void> {
  const history = conversationHistory(Number(process.env.PROFILE_HISTORY ?? config.conversationHistory));
  const options = { renderer, history, text: conversationMessage(), seed: 1, deltasPerFlush: config.deltasPerFlush };
  const result = await page.evaluate((o) => window.bench!.runConversation(o), options);
  const flushes = [...result.flushes].sort((a, b) => a - b);
  const sum = flushes.reduce((total, ms) => total + ms, 0);
  console.log(
    `${renderer} conversation after ${history.length} messages: ${flushes.length} flushes, ` +
      `median ${(flushes[Math.floor(flushes.length / 2)] ?? 0).toFixed(2)} ms, inside flushes ${sum.toFixed(0)} ms`,
  );
  const slow = result.scrollWork.flatMap((ms, index) => (ms > 12 ? [`${index}: ${ms.toFixed(1)}`] : []));
  console.log(
    `scrolling up: ${result.scrollWork.length} frames; frames over 12 ms of work (index: ms): ${slow.join(', ')}`,
  );
}

const traceCategories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'blink',
  'toplevel',
  ...(process.env.PROFILE_TRACE_CATEGORIES?.split(',') ?? []),
  ...(process.env.PROFILE_TRACE_SAMPLES ? ['disabled-by-default-v8.cpu_profiler'] : []),
];

const server = await serveDirectory(outDir);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (process.env.PROFILE_INIT) await page.addInitScript(process.env.PROFILE_INIT);
  if (process.env.PROFILE_CONSOLE) page.on('console', (message) => console.log(`console: ${message.text()}`));
  await page.goto(`${server.url}/index.html`, { waitUntil: 'load' });
  if (process.env.PROFILE_CSS) await page.addStyleTag({ content: process.env.PROFILE_CSS });
  if (trace) {
    await browser.startTracing(page, { categories: traceCategories });
    if (process.env.PROFILE_RUN === 'conversation') await profileConversation(page);
    else if (process.env.PROFILE_RUN === 'raf') await profileRaf(page, undefined);
    else await profileStream(page, undefined);
    const buffer = await browser.stopTracing();
    const file = join(outDir, `${renderer}-${size}.trace.json`);
    writeFileSync(file, buffer);
    summarizeTrace(JSON.parse(buffer.toString('utf8')), top);
    console.log(`\ntrace written to ${file}`);
  } else if (process.env.PROFILE_RUN === 'conversation') {
    await profileConversation(page);
  } else {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    if (process.env.PROFILE_RUN === 'raf') await profileRaf(page, cdp);
    else await profileStream(page, cdp);
  }
} finally {
  await browser.close();
  await server.close();
}

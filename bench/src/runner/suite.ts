/**
 * Runs the measurements round by round, renderers interleaved (A B C D, A B C D, …), each run in a
 * fresh page. Collects raw per-round results; `aggregate.ts` turns them into medians.
 */
import type { Browser } from 'playwright-core';
import type {} from '../page/main';
import type {} from '../page/profiling-main';
import type {
  CommitsRunResult,
  ConcurrencyRunResult,
  ConversationRunResult,
  FirstPaintSample,
  RafRunResult,
  RendererId,
  StreamRunResult,
} from '../shared/types';
import { inFreshPage } from './browser';
import { config, readFixture } from './config';
import { heapAfterGc, type MemoryRow } from './memory';
import { rafSizes, type SizeId } from './results';
import { concurrencyAnswers, conversationHistory, conversationMessage, warmupFor } from './workloads';

export interface RawResults {
  stream: { renderer: RendererId; size: SizeId; result: StreamRunResult }[];
  /** `result` after a warm-up; `cold` the same run in a page that streamed nothing before. */
  raf: { renderer: RendererId; size: SizeId; result: RafRunResult; cold: RafRunResult | undefined }[];
  conversation: { renderer: RendererId; lone: ConversationRunResult; full: ConversationRunResult }[];
  commits: CommitsRunResult[];
  /** All windows streaming at once, and the first window's answer streaming alone in the same setup. */
  concurrency: { full: ConcurrencyRunResult; lone: ConcurrencyRunResult | undefined }[];
  firstPaint: FirstPaintSample[];
  memory: MemoryRow[];
  failures: string[];
}

export async function runSuite(browser: Browser, urls: { renderers: string; profiling: string }): Promise<RawResults> {
  const raw: RawResults = {
    stream: [],
    raf: [],
    conversation: [],
    commits: [],
    concurrency: [],
    firstPaint: [],
    memory: [],
    failures: [],
  };
  const texts = Object.fromEntries(config.sizes.map((size) => [size, readFixture(size)])) as Record<SizeId, string>;

  async function attempt<T>(label: string, run: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const result = await run();
      console.log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      return result;
    } catch (error) {
      const message = `${label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      console.warn(`  FAILED ${message}`);
      raw.failures.push(message);
      return undefined;
    }
  }
  const inRenderersPage = <T>(run: (page: import('playwright-core').Page) => Promise<T>) =>
    inFreshPage(browser, urls.renderers, config.runTimeoutMs, run);

  for (let round = 1; round <= config.rounds; round += 1) {
    console.log(`round ${round}/${config.rounds}`);
    const seed = round;
    const warmup = readFixture('2k');
    for (const size of config.sizes) {
      for (const renderer of config.renderers) {
        // react-markdown re-renders everything per flush: minutes on 200 KB, and the one-block answers
        // tell nothing new about it.
        if (renderer === 'react-markdown' && size !== '2k' && size !== '40k' && !config.reactMarkdownOn200k) continue;
        const options = { renderer, text: texts[size], seed, deltasPerFlush: config.deltasPerFlush, warmup };
        const result = await attempt(`stream ${renderer} ${size}`, () =>
          inRenderersPage((page) => page.evaluate((o) => window.bench!.runStream(o), options)),
        );
        if (result) raw.stream.push({ renderer, size, result });
      }
    }

    for (const size of config.extras.includes('raf') && config.renderers.includes('rivulet') ? rafSizes : []) {
      const text = readFixture(size);
      const options = { renderer: 'rivulet' as const, text, seed, deltasPerSecond: config.rafDeltasPerSecond };
      const cold = await attempt(`raf rivulet ${size}, cold`, () =>
        inRenderersPage((page) => page.evaluate((o) => window.bench!.runRaf(o), options)),
      );
      const warm = { ...options, warmup: warmupFor([text]) };
      const result = await attempt(`raf rivulet ${size}`, () =>
        inRenderersPage((page) => page.evaluate((o) => window.bench!.runRaf(o), warm)),
      );
      if (result) raw.raf.push({ renderer: 'rivulet', size, result, cold });
    }

    if (config.extras.includes('conversation')) {
      const history = conversationHistory(config.conversationHistory);
      const text = conversationMessage();
      for (const renderer of config.renderers.filter((id) => id === 'rivulet' || id === 'streamdown')) {
        const base = { renderer, text, seed, deltasPerFlush: config.deltasPerFlush };
        const lone = await attempt(`conversation ${renderer} alone`, () =>
          inRenderersPage((page) => page.evaluate((o) => window.bench!.runConversation(o), { ...base, history: [] })),
        );
        const full = await attempt(`conversation ${renderer} after ${history.length} messages`, () =>
          inRenderersPage((page) => page.evaluate((o) => window.bench!.runConversation(o), { ...base, history })),
        );
        if (lone && full) raw.conversation.push({ renderer, lone, full });
      }
    }

    if (config.extras.includes('use-stream')) {
      const commitOptions = {
        deltasPerSecond: config.useStreamDeltasPerSecond,
        durationMs: config.useStreamDurationMs,
      };
      const commits = await attempt('useStream commits', () =>
        inFreshPage(browser, urls.profiling, config.runTimeoutMs, (page) =>
          page.evaluate((o) => window.streamBench!.runCommits(o), commitOptions),
        ),
      );
      if (commits) raw.commits.push(commits);
      const samples = await attempt('useStream first paint', () =>
        inFreshPage(browser, urls.profiling, config.runTimeoutMs, (page) =>
          page.evaluate(async (count) => {
            const results = [];
            for (let index = 0; index < count; index += 1) {
              // Spread the enqueue moments over the frame: 0..15 ms after a frame starts.
              results.push(await window.streamBench!.runFirstPaint({ phase: (index * 7) % 16, timeoutMs: 2000 }));
            }
            return results;
          }, config.firstPaintSamplesPerRound),
        ),
      );
      for (const sample of samples ?? []) {
        if (sample) raw.firstPaint.push(sample);
        else raw.failures.push('useStream first paint: the first delta never reached the DOM');
      }
    }

    if (config.extras.includes('memory')) {
      // Rivulet only: streaming 200 KB through streamdown once more would take minutes per round.
      for (const renderer of config.renderers.filter((id) => id === 'rivulet')) {
        const options = { renderer, text: readFixture('200k'), seed, deltasPerFlush: config.deltasPerFlush };
        // Before the heap is read, the 2 KB answer is streamed and cleared twice, unmeasured, so code the
        // page compiles and loads for any answer (JIT code, the highlighter) counts in neither figure.
        const warmup = { ...options, text: readFixture('2k'), count: 2 };
        const kept = (run: 'runMemoryStreamed' | 'runMemoryStatic') => (page: import('playwright-core').Page) =>
          page
            .evaluate((o) => window.bench!.runMemoryCleared(o), warmup)
            .then(() => heapAfterGc(page))
            .then(async (before) => {
              await page.evaluate(([name, o]) => window.bench![name](o), [run, options] as const);
              return (await heapAfterGc(page)) - before;
            });
        const streamed = await attempt(`memory ${renderer} 200k streamed`, () =>
          inRenderersPage(kept('runMemoryStreamed')),
        );
        const staticHeap = await attempt(`memory ${renderer} 200k static`, () =>
          inRenderersPage(kept('runMemoryStatic')),
        );
        const cleared = await attempt(`memory ${renderer} 100 answers cleared`, () =>
          inRenderersPage(async (page) => {
            const small = { ...options, text: readFixture('2k') };
            await page.evaluate((o) => window.bench!.runMemoryCleared(o), { ...small, count: 10 });
            const after10 = await heapAfterGc(page);
            await page.evaluate((o) => window.bench!.runMemoryCleared(o), { ...small, count: 90 });
            return (((await heapAfterGc(page)) - after10) * 1000) / 90;
          }),
        );
        if (streamed !== undefined && staticHeap !== undefined && cleared !== undefined) {
          raw.memory.push({
            renderer,
            streamed,
            static: staticHeap,
            ratio: streamed / staticHeap,
            clearedGrowthPerAnswer: cleared,
          });
        }
      }
    }

    if (config.extras.includes('concurrency')) {
      const answers = concurrencyAnswers(config.concurrencyWindows);
      const base = { tokensPerSecond: config.concurrencyTokensPerSecond, warmup: warmupFor(answers) };
      const timeoutMs = config.runTimeoutMs - 10_000;
      const inProfilingPage = (options: typeof base & { answers: string[]; timeoutMs: number }) =>
        inFreshPage(browser, urls.profiling, config.runTimeoutMs, (page) =>
          page.evaluate((o) => window.streamBench!.runConcurrency(o), options),
        );
      const full = await attempt(`concurrency ${answers.length} windows`, () =>
        inProfilingPage({ ...base, answers, timeoutMs }),
      );
      const lone = await attempt('concurrency 1 window', () =>
        inProfilingPage({ ...base, answers: answers.slice(0, 1), timeoutMs }),
      );
      if (full) raw.concurrency.push({ full, lone });
    }
  }
  return raw;
}

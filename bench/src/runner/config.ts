/** Bench settings, from the environment so a quick local check and the full run share one code path. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RendererId } from '../shared/types';
import { type SizeId, shapeSizes } from './results';

export const benchRoot = join(import.meta.dirname, '..', '..');

function list<T extends string>(name: string, all: readonly T[]): T[] {
  const value = process.env[name];
  if (!value) return [...all];
  const wanted = value.split(',').map((item) => item.trim());
  return all.filter((item) => wanted.includes(item));
}

const allRenderers = [
  'rivulet',
  'rivulet-string',
  'rivulet-no-highlight',
  'rivulet-highlight-all',
  'streamdown',
  'react-markdown',
  'diy',
  'plain',
  'dom-floor',
] as const satisfies readonly RendererId[];
const allSizes = ['2k', '40k', '200k', ...shapeSizes] as const satisfies readonly SizeId[];
const allExtras = ['raf', 'conversation', 'use-stream', 'concurrency', 'memory', 'node'] as const;

export const config = {
  /** BENCH_ROUNDS: interleaved rounds; figures are medians across them. */
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  deltasPerFlush: 17,
  /** BENCH_RUN_TIMEOUT_MS: limit for one run (one renderer, one fixture) in its page; catches hangs. */
  runTimeoutMs: Number(process.env.BENCH_RUN_TIMEOUT_MS ?? 600_000),
  /** BENCH_RENDERERS=rivulet,plain and BENCH_SIZES=2k,40k narrow the run. */
  renderers: list('BENCH_RENDERERS', allRenderers),
  sizes: list('BENCH_SIZES', allSizes),
  /** BENCH_EXTRAS=raf,conversation,use-stream,concurrency,node (or 'none') picks the measurements besides streaming. */
  extras: list('BENCH_EXTRAS', allExtras),
  /** react-markdown re-parses everything per flush: on 200 KB that alone takes minutes. */
  reactMarkdownOn200k: process.env.BENCH_REACT_MARKDOWN_200K === '1',
  /** BENCH_CONVERSATION_HISTORY: finished messages above the streaming one (SPEC issue 16: a chat of 1,000). */
  conversationHistory: Number(process.env.BENCH_CONVERSATION_HISTORY ?? 1000),
  useStreamDeltasPerSecond: 10_000,
  useStreamDurationMs: 2000,
  firstPaintSamplesPerRound: 8,
  rafDeltasPerSecond: 1000,
  /** Chat windows streaming at once on one page, each at a natural token rate. */
  concurrencyWindows: 20,
  concurrencyTokensPerSecond: 60,
  /** Where results go. A narrowed run does not overwrite the checked-in latest.json unless told to. */
  output:
    process.env.BENCH_OUT ??
    join(
      benchRoot,
      'results',
      ['BENCH_RENDERERS', 'BENCH_SIZES', 'BENCH_EXTRAS'].some((name) => process.env[name])
        ? 'partial.json'
        : 'latest.json',
    ),
};

export const fixtureFiles: Record<SizeId, string> = {
  '2k': 'answer-2k.md',
  '40k': 'answer-40k.md',
  '200k': 'answer-200k.md',
  'list-40k': 'answer-list-40k.md',
  'table-30k': 'answer-table-30k.md',
  'quote-40k': 'answer-quote-40k.md',
  'code-30k': 'answer-code-30k.md',
  'item-40k': 'answer-item-40k.md',
};

export function readFixture(size: SizeId): string {
  return readFileSync(join(benchRoot, 'fixtures', fixtureFiles[size]), 'utf8');
}

/**
 * Micro-benchmark of @rivulet/core's streaming Markdown path: a generated ~200 KB answer arrives in
 * deltas of 1-6 characters, 17 deltas per flush. Per flush, the incremental path updates the block
 * splitter and repairs only the tail block; the baseline re-runs splitBlocks + repairMarkdown on the
 * whole text. Prints per-flush median / p95 / max and the total for each.
 *
 * Run: npx tsx bench/src/markdown-core.ts [sizeInKB]
 */

import { createBlockSplitter, repairMarkdown, splitBlocks } from '../../packages/core/src/index';

/** Deterministic pseudo-random numbers, so every run streams the same document the same way. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const next = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const WORDS = ['stream', 'token', 'render', 'snake_case', 'value', 'the', 'a', 'model', 'returns', 'block', '2 * 3'];

function sentence(): string {
  return Array.from({ length: 6 + Math.floor(next() * 10) }, () => {
    const word = pick(WORDS);
    const style = next();
    return style < 0.08 ? `**${word}**` : style < 0.14 ? `*${word}*` : style < 0.18 ? `\`${word}\`` : word;
  }).join(' ');
}

function section(): string {
  const kind = next();
  if (kind < 0.15) return `## ${sentence()}`;
  if (kind < 0.3) return Array.from({ length: 4 }, () => `- ${sentence()}`).join('\n');
  if (kind < 0.4)
    return `\`\`\`ts\n${Array.from({ length: 8 }, () => `const x = ${sentence().length};`).join('\n')}\n\`\`\``;
  if (kind < 0.48)
    return `| a | b |\n| --- | --- |\n${Array.from({ length: 5 }, () => `| ${pick(WORDS)} | **${pick(WORDS)}** |`).join('\n')}`;
  if (kind < 0.55) return `> ${sentence()}`;
  return `${sentence()}. ${sentence()}.`;
}

function documentOf(size: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const part = section();
    parts.push(part);
    length += part.length + 2;
  }
  return parts.join('\n\n');
}

function flushes(text: string): string[] {
  const prefixes: string[] = [];
  let end = 0;
  while (end < text.length) {
    for (let delta = 0; delta < 17 && end < text.length; delta += 1) end += 1 + Math.floor(next() * 6);
    prefixes.push(text.slice(0, Math.min(end, text.length)));
  }
  return prefixes;
}

function summary(name: string, times: number[]): void {
  const sorted = times.slice().sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = times.reduce((sum, time) => sum + time, 0);
  const over = times.filter((time) => time > 1).length;
  console.log(
    `${name.padEnd(34)} median ${at(0.5).toFixed(3)} ms  p95 ${at(0.95).toFixed(3)} ms  max ${(sorted.at(-1) ?? 0).toFixed(3)} ms  total ${total.toFixed(0)} ms  (${over} over 1 ms)`,
  );
}

const sizeKB = Number(process.argv[2] ?? 200);
const text = documentOf(sizeKB * 1024);
const prefixes = flushes(text);
console.log(`document ${(text.length / 1024).toFixed(0)} KB, ${prefixes.length} flushes of 17 deltas (1-6 chars)`);

const incremental: number[] = [];
const splitter = createBlockSplitter();
let blockCount = 0;
for (const prefix of prefixes) {
  const started = performance.now();
  const { blocks, finalCount } = splitter.update(prefix);
  repairMarkdown(blocks.slice(finalCount).join(''));
  const elapsed = performance.now() - started;
  incremental.push(elapsed);
  blockCount = blocks.length;
}
summary('splitter.update + repair(tail)', incremental);

const whole: number[] = [];
for (const [index, prefix] of prefixes.entries()) {
  // The baseline is quadratic; sample every 10th flush on large documents and scale the total.
  if (text.length > 50_000 && index % 10 !== 0) continue;
  const started = performance.now();
  splitBlocks(prefix);
  repairMarkdown(prefix);
  whole.push(performance.now() - started);
}
summary('splitBlocks + repair(whole) [sampled]', whole);
const scale = prefixes.length / whole.length;
console.log(
  `baseline total scaled to every flush: ${(whole.reduce((a, b) => a + b, 0) * scale).toFixed(0)} ms; ${blockCount} blocks at the end`,
);

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createBlockSplitter, createChildSplitter } from '@rivulet/core';
import { expect, it } from 'vitest';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap kept alive by what `run` returns, in MB, after a full collection. */
function retainedMegabytes(run: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = run();
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toBeDefined();
  return (after - before) / 1e6;
}

/** Streams `text` in 85-character flushes (17 deltas of about 5), as the bench does. */
function streamed<T>(text: string, update: (text: string) => T): T {
  let current = '';
  let last: T | undefined;
  for (let index = 0; index < text.length; index += 85) {
    current += text.slice(index, index + 85);
    last = update(current);
  }
  return last as T;
}

const paragraphs = Array.from({ length: 1500 }, (_, index) => `Paragraph ${index} says **something** useful.\n\n`);

it('keeps final blocks without keeping a copy of the answer per block', () => {
  const text = paragraphs.join('');
  expect(text.length).toBeGreaterThan(60_000);
  // A view into the text per block kept about a copy of the text per block: hundreds of MB here.
  const megabytes = retainedMegabytes(() => {
    const splitter = createBlockSplitter();
    return streamed(text, (current) => splitter.update(current));
  });
  expect(megabytes).toBeLessThan(10);
});

it('keeps final blocks without keeping the appended pieces alive', () => {
  const text = paragraphs.join('');
  const megabytes = retainedMegabytes(() => {
    const splitter = createBlockSplitter();
    let last: unknown;
    for (let index = 0; index < text.length; index += 85) last = splitter.append(text.slice(index, index + 85));
    return last;
  });
  expect(megabytes).toBeLessThan(10);
});

it('keeps the final items of a long list without keeping a copy of the list per item', () => {
  const text = Array.from({ length: 1500 }, (_, index) => `- item ${index} says **something** useful\n`).join('');
  const megabytes = retainedMegabytes(() => {
    const splitter = createChildSplitter();
    return streamed(text, (current) => splitter.update(current));
  });
  expect(megabytes).toBeLessThan(10);
});

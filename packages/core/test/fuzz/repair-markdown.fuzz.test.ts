/**
 * Fuzz: `repairMarkdown` on complete documents, on every kind of prefix a stream delivers, and on
 * Markdown-like noise. It never throws, repairing twice equals once, and a complete, well-formed
 * document comes back unchanged. `splitBlocks` keeps every character (its blocks join back to the text).
 */

import { repairMarkdown, splitBlocks } from '@rivulet/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createCaseCounter, runs, timeoutFor } from './budget';
import { completeDocument, documentPrefix, markdownNoise } from './markdown-grammar';

const counter = createCaseCounter('repairMarkdown fuzz');
afterAll(() => {
  console.log(counter.report());
});

const anyText = fc.oneof(markdownNoise, documentPrefix, fc.string({ unit: 'binary', maxLength: 80 }));
const math = fc.boolean();

describe('repairMarkdown fuzz', () => {
  it(
    'never throws and returns a string, for random Markdown cut at random points',
    () => {
      fc.assert(
        fc.property(anyText, fc.nat(), math, (text, at, withMath) => {
          counter.hit('never throws');
          const partial = text.slice(0, at % (text.length + 1));
          expect(typeof repairMarkdown(partial, { math: withMath })).toBe('string');
        }),
        { numRuns: runs(1500) },
      );
    },
    timeoutFor(1500, 5),
  );

  it(
    'is idempotent: repair(repair(x)) === repair(x)',
    () => {
      fc.assert(
        fc.property(anyText, math, (text, withMath) => {
          counter.hit('idempotent');
          const once = repairMarkdown(text, { math: withMath });
          expect(repairMarkdown(once, { math: withMath })).toBe(once);
        }),
        { numRuns: runs(1500) },
      );
    },
    timeoutFor(1500, 5),
  );

  it(
    'leaves complete, well-formed documents unchanged',
    () => {
      fc.assert(
        fc.property(completeDocument, math, (text, withMath) => {
          counter.hit('complete unchanged');
          expect(repairMarkdown(text, { math: withMath })).toBe(text);
        }),
        { numRuns: runs(800) },
      );
    },
    timeoutFor(800, 5),
  );

  it(
    'splitBlocks keeps every character: its blocks join back to the text',
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          counter.hit('splitBlocks join');
          expect(splitBlocks(text).join('')).toBe(text);
        }),
        { numRuns: runs(800) },
      );
    },
    timeoutFor(800, 5),
  );
});

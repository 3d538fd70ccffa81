import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answers, tokenize } from '../src/index';

describe('tokenize', () => {
  it('cuts every canned answer into 1-6 character deltas that join back exactly', () => {
    for (const answer of answers) {
      for (const part of answer.parts) {
        if (part.type === 'tool-call') continue;
        const deltas = tokenize(part.text, 7);
        expect(deltas.join('')).toBe(part.text);
        for (const delta of deltas) expect(Array.from(delta).length).toBeGreaterThanOrEqual(1);
        for (const delta of deltas) expect(Array.from(delta).length).toBeLessThanOrEqual(6);
      }
    }
  });

  it('round-trips any text, astral characters included, without splitting a code point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer(), (text, seed) => {
        const deltas = tokenize(text, seed);
        expect(deltas.join('')).toBe(text);
        for (const delta of deltas) expect(delta).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }),
    );
  });

  it('keeps words with their leading space, like a BPE tokenizer', () => {
    expect(tokenize('Hello big world', 1)).toEqual(['Hello', ' big', ' world']);
  });

  it('is reproducible per seed and differs across seeds on long words', () => {
    const text = 'internationalization and antidisestablishmentarianism';
    expect(tokenize(text, 3)).toEqual(tokenize(text, 3));
    const cuts = new Set([1, 2, 3, 4, 5, 6].map((seed) => tokenize(text, seed).join('|')));
    expect(cuts.size).toBeGreaterThan(1);
  });
});

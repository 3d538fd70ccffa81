import { repairMarkdown } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentArbitrary, documentWithCuts, parseNodes } from './documents';

/** Strings rich in Markdown syntax characters, so the properties hit real constructs. */
const markdownish = fc
  .array(
    fc.constantFrom(
      '*',
      '**',
      '_',
      '~~',
      '`',
      '```',
      '[',
      ']',
      '(',
      ')',
      '!',
      '$',
      '\\',
      '#',
      '-',
      '>',
      '|',
      ' ',
      '\n',
      'a',
      'b',
      '1.',
      'http://x.y/',
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''));

describe('repairMarkdown properties', () => {
  it('returns complete, well-formed documents unchanged', () => {
    fc.assert(
      fc.property(documentArbitrary, (text) => {
        expect(repairMarkdown(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent on every prefix of a document', () => {
    fc.assert(
      fc.property(documentWithCuts, ({ text, first }) => {
        const once = repairMarkdown(text.slice(0, first));
        expect(repairMarkdown(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent on Markdown-like noise, with and without math', () => {
    fc.assert(
      fc.property(markdownish, fc.boolean(), (text, math) => {
        const once = repairMarkdown(text, { math });
        expect(repairMarkdown(once, { math })).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), markdownish), (text) => {
        expect(typeof repairMarkdown(text, { math: true })).toBe('string');
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('leaves no raw `**`, `~~`, link syntax or fence text at the tail of any prefix', () => {
    fc.assert(
      fc.property(documentWithCuts, ({ text, first }) => {
        const repaired = repairMarkdown(text.slice(0, first));
        const nodes = parseNodes(repaired);
        const texts = nodes.filter((node) => node.type === 'text').map((node) => node.value ?? '');
        const tail = texts.slice(-3).join('\n');
        expect(tail).not.toContain('**');
        expect(tail).not.toContain('~~');
        expect(tail).not.toContain('](');
        expect(tail).not.toMatch(/```|~~~/);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

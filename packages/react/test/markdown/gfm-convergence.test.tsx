import { repairMarkdown } from '@rivulet/core';
import { footnoteCall } from '@rivulet/core/syntax';
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import gfmSpec from '../../../core/test/fixtures/markdown/gfm-spec.json';
import { fuzzRuns } from '../../../core/test/fuzz/budget';
import { inlinePieces, table, taskLists } from '../../../core/test/markdown/gfm-generators';
import { randomChunks, seededRandom } from '../../../core/test/support/random';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

interface Streamed {
  /** The streaming render once all of the text arrived. */
  streamed: string;
  /** The same element once `streaming={false}`: what a finished answer shows. */
  finished: string;
  /** Every streamed state, when asked for. */
  states: string[];
}

/** Streams `markdown` into one `<Markdown>` in `chunks` and returns its canonical HTML on the way. */
function stream(markdown: string, chunks: readonly string[], keepStates = false): Streamed {
  const { container, rerender, unmount } = render(<Markdown streaming highlight={false} />);
  const root = () => container.firstElementChild as HTMLElement;
  const states: string[] = [];
  let text = '';
  for (const chunk of chunks) {
    text += chunk;
    rerender(
      <Markdown streaming highlight={false}>
        {text}
      </Markdown>,
    );
    if (keepStates) states.push(canonicalHtml(root()));
  }
  const streamed = canonicalHtml(root());
  rerender(<Markdown highlight={false}>{markdown}</Markdown>);
  const finished = canonicalHtml(root());
  unmount();
  return { streamed, finished, states };
}

const streamCharByChar = (markdown: string, keepStates = false) => stream(markdown, [...markdown], keepStates);

describe('GFM tables with escaped pipes', () => {
  // GFM spec: "Include a pipe in a cell's content by escaping it, including inside other inline spans".
  const escapedPipes = '| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n';

  it('show `|` in a code span of a cell, streamed a character at a time and finished, as the static render', () => {
    const staticHtml = canonicalStaticHtml(escapedPipes);
    expect(staticHtml).toContain('<code dir="ltr">|</code>');
    const { streamed, finished, states } = streamCharByChar(escapedPipes, true);
    expect(streamed).toBe(staticHtml);
    expect(finished).toBe(staticHtml);
    // Once the code span has closed, no streamed state shows the escape.
    const closed = states.slice(escapedPipes.indexOf('` az'));
    expect(closed.filter((state) => state.includes('<code dir="ltr">\\|</code>'))).toEqual([]);
  });

  it('show `|` in code in a header cell and in a longer code span', () => {
    for (const markdown of ['| `a\\|b` |\n| --- |\n| x |', '| a |\n| - |\n| `\\|code\\| ok` `\\\\|` |']) {
      const { streamed, finished } = streamCharByChar(markdown);
      expect(streamed, markdown).toBe(canonicalStaticHtml(markdown));
      expect(finished, markdown).toBe(canonicalStaticHtml(markdown));
    }
  });
});

/**
 * Whether the last streamed state must already equal the static render: not when a definition
 * (`[label]: url`, `[^note]: text`) follows the blocks that use it (finished blocks are never
 * rendered again while a message streams, so those references become links when it finishes),
 * nor when repair changes the text (a tail that reads as an unfinished tag, `he<lp`, stays
 * hidden until the message finishes), nor when it holds a footnote call (below).
 */
const parsesBlockByBlock = (markdown: string) =>
  !/^ {0,3}\[[^\]]+\]:/m.test(markdown) && repairMarkdown(markdown) === markdown;

/** A footnote call (`[^1]`) shows as a superscript while the text streams, defined or not (`footnote-calls.ts`). */
const streamsToStatic = (markdown: string) => parsesBlockByBlock(markdown) && !footnoteCall.test(markdown);

describe('streamed GFM spec and cmark-gfm extension examples converge on the static render', () => {
  it(`holds for all ${gfmSpec.examples.length} examples, streamed in random chunks`, () => {
    const random = seededRandom(20261205);
    const mismatches: string[] = [];
    for (const example of gfmSpec.examples) {
      const expected = canonicalStaticHtml(example.markdown);
      const { streamed, finished } = stream(example.markdown, randomChunks(example.markdown, random, 6));
      const streamedDiffers = streamed !== expected && streamsToStatic(example.markdown);
      if (streamedDiffers || finished !== expected) mismatches.push(`${example.section}: ${example.markdown}`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});

describe('streamed generated GFM documents converge on the static render', () => {
  const paragraph = fc.array(fc.constantFrom(...inlinePieces, '中文', '**中文。**后'), { minLength: 1, maxLength: 8 });
  const documents = fc
    .array(
      fc.oneof(
        table,
        taskLists,
        paragraph.map((parts) => parts.join('')),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((blocks) => blocks.join('\n\n'))
    .filter(parsesBlockByBlock);

  it(
    'tables, task lists and GFM inlines, streamed in random chunks',
    () => {
      fc.assert(
        fc.property(documents, fc.integer(), (markdown, seed) => {
          const { streamed, finished } = stream(markdown, randomChunks(markdown, seededRandom(seed), 8));
          const expected = canonicalStaticHtml(markdown);
          if (streamsToStatic(markdown)) expect(streamed, markdown).toBe(expected);
          expect(finished, markdown).toBe(expected);
        }),
        fuzzRuns ? { numRuns: Math.ceil(fuzzRuns / 50) } : { numRuns: 40, seed: 20261205 },
      );
    },
    Math.max(120_000, (fuzzRuns ?? 0) * 20),
  );
});

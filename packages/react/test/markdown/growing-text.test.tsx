import { GrowingText } from '@rivulet/core';
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentArbitrary } from '../../../core/test/markdown/documents';
import { randomChunks, seededRandom } from '../../../core/test/support/random';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

afterEach(() => vi.restoreAllMocks());

/** Streams `chunks` into two `<Markdown>`: one given strings, one a `GrowingText`; returns both HTMLs at each step. */
function streamBoth(chunks: readonly string[]): Array<[string, string]> {
  const asString = render(<Markdown streaming highlight={false} />);
  const asGrowing = render(<Markdown streaming highlight={false} />);
  const html = (view: typeof asString) => canonicalHtml(view.container.firstElementChild as HTMLElement);
  const steps: Array<[string, string]> = [];
  let text = '';
  let growing = GrowingText.from('');
  for (const chunk of chunks) {
    text += chunk;
    growing = growing.append(chunk);
    asString.rerender(
      <Markdown streaming highlight={false}>
        {text}
      </Markdown>,
    );
    asGrowing.rerender(
      <Markdown streaming highlight={false}>
        {growing}
      </Markdown>,
    );
    steps.push([html(asString), html(asGrowing)]);
  }
  asString.rerender(<Markdown highlight={false}>{text}</Markdown>);
  asGrowing.rerender(<Markdown highlight={false}>{growing}</Markdown>);
  steps.push([html(asString), html(asGrowing)]);
  asString.unmount();
  asGrowing.unmount();
  return steps;
}

describe('<Markdown> given a GrowingText', () => {
  it('renders every streamed state as it renders the same text given as a string, and ends as the static render', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (markdown, seed) => {
        const steps = streamBoth(randomChunks(markdown, seededRandom(seed), 12));
        for (const [fromString, fromGrowing] of steps) expect(fromGrowing).toBe(fromString);
        expect(steps.at(-1)?.[1]).toBe(canonicalStaticHtml(markdown));
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('reads only what each update appended while it streams, and the whole text once when it ends', () => {
    const wholeReads = vi.spyOn(GrowingText.prototype, 'toString');
    const paragraphs = Array.from({ length: 60 }, (_, index) => `Paragraph ${index} with **bold** and \`code\`.\n\n`);
    const { container, rerender } = render(<Markdown streaming highlight={false} />);
    let growing = GrowingText.from('');
    let first: GrowingText | undefined;
    for (const paragraph of paragraphs) {
      for (const piece of paragraph.match(/.{1,7}/gs) ?? []) {
        growing = growing.append(piece);
        first ??= growing;
        rerender(
          <Markdown streaming highlight={false}>
            {growing}
          </Markdown>,
        );
      }
    }
    // The first value is all new; after it, only the appended pieces are read.
    expect(wholeReads.mock.contexts).toEqual([first]);
    rerender(<Markdown highlight={false}>{growing}</Markdown>);
    expect(wholeReads.mock.contexts).toEqual([first, growing]);
    expect(canonicalHtml(container.firstElementChild as HTMLElement)).toBe(canonicalStaticHtml(paragraphs.join('')));
  });

  it('starts over for a new chain, and for an earlier value rendered again', () => {
    const { container, rerender } = render(<Markdown streaming highlight={false} />);
    const html = () => canonicalHtml(container.firstElementChild as HTMLElement);
    const first = GrowingText.from('# One\n\nfirst answer');
    const longer = first.append(' goes on\n\n- a\n- b');
    for (const value of [first, longer, first]) {
      rerender(
        <Markdown streaming highlight={false}>
          {value}
        </Markdown>,
      );
    }
    expect(html()).toBe(canonicalStaticHtml('# One\n\nfirst answer'));
    // A regenerated answer: a new chain, even though it begins with the same characters.
    const other = GrowingText.from('# One\n\nsecond').append(' answer\n');
    rerender(<Markdown highlight={false}>{other}</Markdown>);
    expect(html()).toBe(canonicalStaticHtml('# One\n\nsecond answer\n'));
  });

  it('switches between a string and a GrowingText of the same text without losing it', () => {
    const { container, rerender } = render(<Markdown streaming highlight={false} />);
    const html = () => canonicalHtml(container.firstElementChild as HTMLElement);
    const growing = GrowingText.from('Some **bold').append('** text\n\nmore');
    rerender(
      <Markdown streaming highlight={false}>
        Some **bold
      </Markdown>,
    );
    rerender(
      <Markdown streaming highlight={false}>
        {growing}
      </Markdown>,
    );
    rerender(<Markdown highlight={false}>{'Some **bold** text\n\nmore and more'}</Markdown>);
    expect(html()).toBe(canonicalStaticHtml('Some **bold** text\n\nmore and more'));
  });
});

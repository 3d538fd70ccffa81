import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { tests } from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { randomChunks, seededRandom } from '../../../core/test/support/random';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

const examples = tests.map((example) => ({ ...example, markdown: example.markdown.replaceAll('→', '\t') }));

describe('streamed CommonMark spec examples converge on the static render', () => {
  it(`holds for all ${examples.length} examples, streamed in random chunks`, () => {
    const random = seededRandom(20240611);
    const mismatches: number[] = [];
    const { container, rerender } = render(<Markdown streaming cursor highlight={false} />);
    for (const example of examples) {
      // A fresh component per example: `key` remounts it, as a new message would.
      let text = '';
      for (const chunk of randomChunks(example.markdown, random, 48)) {
        text += chunk;
        rerender(
          <Markdown key={example.number} streaming cursor highlight={false}>
            {text}
          </Markdown>,
        );
      }
      rerender(
        <Markdown key={example.number} highlight={false}>
          {text}
        </Markdown>,
      );
      const root = container.firstElementChild as HTMLElement;
      if (canonicalHtml(root) !== canonicalStaticHtml(example.markdown)) mismatches.push(example.number);
    }
    expect(mismatches).toEqual([]);
  }, 60_000);
});

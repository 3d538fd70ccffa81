/**
 * The documents of the "Scripts and edge cases" stories (right-to-left answers, CJK emphasis, escaped
 * pipes, a wide table), streamed a character at a time and in random chunks, end exactly as their
 * static render; the stopped one, ended early, keeps its tail repaired. Chromium runs the same
 * documents in `playwright/markdown-edges.spec.ts`.
 */
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { edgeDocuments, stoppedInLink } from '../../../../stories/support/edge-documents';
import { randomChunks, seededRandom } from '../../../core/test/support/random';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

function streamedThenFinished(markdown: string, chunks: readonly string[]): string {
  const { container, rerender, unmount } = render(<Markdown streaming cursor highlight={false} />);
  let text = '';
  for (const chunk of chunks) {
    text += chunk;
    rerender(
      <Markdown streaming cursor highlight={false}>
        {text}
      </Markdown>,
    );
  }
  rerender(<Markdown highlight={false}>{markdown}</Markdown>);
  const html = canonicalHtml(container.firstElementChild as Element);
  unmount();
  return html;
}

describe('the edge-case documents of the stories', () => {
  it.each(edgeDocuments.filter((document) => document !== stoppedInLink).map((document) => [document.id, document]))(
    '%s streams to its static render',
    (_, document) => {
      const expected = canonicalStaticHtml(document.text);
      expect(streamedThenFinished(document.text, [...document.text])).toBe(expected);
      for (const seed of [1, 2, 3]) {
        expect(streamedThenFinished(document.text, randomChunks(document.text, seededRandom(seed), 9))).toBe(expected);
      }
    },
    60_000,
  );

  it('the stopped answer stays repaired: bold link text, no raw syntax, no link to a cut URL', () => {
    const { container } = render(
      <Markdown incomplete highlight={false}>
        {stoppedInLink.text}
      </Markdown>,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.textContent).not.toContain('**');
    expect(root.textContent).not.toContain('[docs](');
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('strong')?.textContent).toBe('the docs');
  });
});

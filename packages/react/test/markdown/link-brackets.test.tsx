/**
 * A link streamed a character at a time shows its text, never its brackets: `[docs`, `[docs]` and
 * `[docs](https://ex` all read "docs" until the link is complete. Brackets that are literal text
 * show as soon as what follows them says so.
 */
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

/** The text shown after each character of `markdown`, streamed. */
function shownAtEachCharacter(markdown: string): string[] {
  const view = render(<Markdown streaming highlight={false} />);
  const shown: string[] = [];
  for (let end = 1; end <= markdown.length; end += 1) {
    view.rerender(
      <Markdown streaming highlight={false}>
        {markdown.slice(0, end)}
      </Markdown>,
    );
    shown.push(view.container.textContent ?? '');
  }
  view.unmount();
  return shown;
}

describe('link brackets while streaming', () => {
  it.each([
    ['a paragraph', 'See [the docs](https://example.com/docs) for more.'],
    ['a table cell', '| a | b |\n| - | - |\n| 1 | see [docs](https://example.com) |\n| 2 | x |\n'],
    ['bold text', 'A **bold [link](/x)** here.'],
  ])('never show in %s', (_, markdown) => {
    const shown = shownAtEachCharacter(markdown);
    for (const [index, text] of shown.entries()) {
      expect(text, `after ${JSON.stringify(markdown.slice(0, index + 1))}`).not.toMatch(/[[\]]/);
    }
  });

  it('show once literal brackets are followed by text', () => {
    const shown = shownAtEachCharacter('Cited [1] and [x] here');
    expect(shown.at(-1)).toBe('Cited [1] and [x] here');
    // `[x]` at the very end may still become a link: shown as its text until the next character.
    expect(shown[shown.length - 6]).toBe('Cited [1] and x');
    expect(shown[shown.length - 5]).toBe('Cited [1] and [x]');
  });
});

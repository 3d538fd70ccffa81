import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

/**
 * Answers define their footnotes at the end. Parsed block by block, a definition has no call in its
 * block, and GFM shows a definition only in the section it builds for its calls: the definitions
 * would stream in unseen and appear at once when the answer ends. While streaming they show as the
 * footnotes section's items they will become, as their text arrives.
 */

const answer = [
  'Rust frees memory without a garbage collector[^1], and rejects data races[^2].',
  '',
  'Done: **all constructs closed**.',
  '',
  '[^1]: Each value has one owner; it is *dropped* with it.',
  '[^2]: The Rustonomicon, chapter 8.',
  '',
  '[^note]: Named labels too.',
  '',
].join('\n');

/** The typed text of each definition in `prefix` (its content after `]: `), Markdown marks removed. */
function typedDefinitions(prefix: string): string[] {
  return [...prefix.matchAll(/^\[\^[^\]]+\]:[ \t]*(.*)$/gm)]
    .map((match) => (match[1] as string).replace(/[*_]/g, '').trim())
    .filter((text) => text !== '');
}

/** What each footnote item shows, whitespace collapsed. */
function shownItems(root: Element): string[] {
  return [...root.querySelectorAll('section[data-footnotes] li')].map((item) =>
    (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

describe('footnote definitions while an answer streams', () => {
  it('show each definition as it is typed, as the footnotes section item it will be', () => {
    const view = render(<Markdown streaming>{''}</Markdown>);
    const root = view.container.querySelector('.rivulet-markdown') as HTMLElement;
    const start = answer.indexOf('[^1]:');
    for (let end = start; end <= answer.length; end += 1) {
      const prefix = answer.slice(0, end);
      view.rerender(<Markdown streaming>{prefix}</Markdown>);
      // A word cut in half is shown cut: compare what is typed, mark by mark removed.
      expect(shownItems(root), JSON.stringify(prefix)).toEqual(typedDefinitions(prefix));
      expect(root.textContent, prefix).not.toContain('[^');
    }
    const items = [...root.querySelectorAll('section[data-footnotes] li')];
    expect(items.map((item) => item.id)).toEqual(['user-content-fn-1', 'user-content-fn-2', 'user-content-fn-note']);
    // Numbered as their calls show while streaming: by label when it is a number.
    expect(items.map((item) => item.getAttribute('value'))).toEqual(['1', '2', null]);
    expect(root.querySelector('section[data-footnotes] em')?.textContent).toBe('dropped');
    // Neither the screen-reader heading (one per section would repeat) nor links back to calls without ids.
    expect(root.querySelector('#footnote-label')).toBeNull();
    expect(root.querySelector('[data-footnote-backref]')).toBeNull();
    view.unmount();
  });

  it('puts the cursor at the end of the definition being typed', () => {
    const text = answer.slice(0, answer.indexOf('chapter 8'));
    const view = render(
      <Markdown streaming cursor>
        {text}
      </Markdown>,
    );
    const cursor = view.container.querySelector('[data-rivulet-cursor]');
    expect(cursor?.closest('li')?.id).toBe('user-content-fn-2');
    // The space typed last is not shown: a paragraph's trailing spaces never are.
    expect(cursor?.previousSibling?.textContent).toBe('The Rustonomicon,');
  });

  it('becomes GFM footnotes section once finished: one section, numbered by call order, with back links', () => {
    const view = render(<Markdown streaming>{answer.slice(0, -1)}</Markdown>);
    expect(view.container.querySelectorAll('section[data-footnotes]').length).toBe(2);
    view.rerender(<Markdown>{answer}</Markdown>);
    const root = view.container.querySelector('.rivulet-markdown') as HTMLElement;
    const finished = render(<Markdown>{answer}</Markdown>).container.querySelector('.rivulet-markdown');
    expect(root.innerHTML).toBe(finished?.innerHTML);
    expect(root.querySelectorAll('section[data-footnotes]').length).toBe(1);
    // `[^note]` has no call: GFM leaves it out.
    expect(shownItems(root)).toEqual([
      'Each value has one owner; it is dropped with it. ↩',
      'The Rustonomicon, chapter 8. ↩',
    ]);
    expect(root.querySelectorAll('[data-footnote-backref]').length).toBe(2);
  });

  it("keeps a definition's indented paragraphs in its item while streaming, never as code", () => {
    const text =
      'Claim[^1] and[^2].\n\n[^1]: First paragraph.\n\n    Second paragraph of the same note.\n\n[^2]: Two.\n';
    const view = render(<Markdown streaming>{''}</Markdown>);
    for (let end = text.indexOf('    Second'); end <= text.length; end += 1) {
      view.rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
      expect(view.container.querySelector('pre, code'), text.slice(0, end)).toBeNull();
    }
    const first = view.container.querySelector('li#user-content-fn-1') as HTMLElement;
    expect([...first.querySelectorAll('p')].map((paragraph) => paragraph.textContent)).toEqual([
      'First paragraph.',
      'Second paragraph of the same note.',
    ]);
    expect(view.container.querySelector('li#user-content-fn-2')?.textContent?.trim()).toBe('Two.');
  });

  it('leaves a block without definitions as it was: a `[^1]:` inside code is code', () => {
    const text = 'Claim[^1].\n\n```md\n[^1]: not a definition\n```\n\nMore';
    const view = render(<Markdown streaming>{text}</Markdown>);
    expect(view.container.querySelector('pre')?.textContent).toContain('[^1]: not a definition');
    expect(view.container.querySelector('section')).toBeNull();
  });
});

import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { canonicalStaticHtml } from './static-html';

/**
 * Answers define their footnotes at the end, so while one streams its calls (`[^1]`) have no
 * definition yet: they show as the superscripts they will become, never as raw `[^1]`, and the
 * finished answer renders exactly as the static render (numbered calls, the footnotes section).
 */

/** Streams `markdown` one character at a time; calls `check` with the root at each prefix. */
function streamEach(markdown: string, check: (root: HTMLElement, prefix: string) => void) {
  const view = render(<Markdown streaming>{''}</Markdown>);
  const root = () => view.container.querySelector('.rivulet-markdown') as HTMLElement;
  for (let end = 1; end <= markdown.length; end += 1) {
    const prefix = markdown.slice(0, end);
    view.rerender(<Markdown streaming>{prefix}</Markdown>);
    check(root(), prefix);
  }
  view.rerender(<Markdown>{markdown}</Markdown>);
  return { root: root(), unmount: view.unmount };
}

/** The text a reader sees outside code, without the superscripts' text. */
function textOutsideCalls(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const element of copy.querySelectorAll('sup, code')) element.remove();
  return copy.textContent ?? '';
}

const answer = [
  'Rust is fast[^1] and memory safe[^2]. The borrow checker[^2] does the work.',
  '',
  '- Zero-cost abstractions[^note-3]',
  '- No garbage collector',
  '',
  '| Language | Source |',
  '| --- | --- |',
  '| Rust | docs[^1] |',
  '',
  '> Quoted claim[^2]',
  '',
  'Code keeps its brackets: `arr[^1]`.',
  '',
  '[^1]: The Rust benchmarks game.',
  '[^2]: The Rustonomicon.',
  '[^note-3]: Stroustrup, on C++.',
  '',
].join('\n');

describe('footnote calls while an answer streams', () => {
  it('never show raw `[^` or a half-typed call, in paragraphs, lists, tables and quotes', () => {
    const { root, unmount } = streamEach(answer, (current, prefix) => {
      expect(textOutsideCalls(current), prefix).not.toMatch(/\[\^|\^\d|\^note/);
    });
    unmount();
    expect(root).toBeDefined();
  });

  it('show each complete call as the superscript link it will become, labelled', () => {
    const view = render(<Markdown streaming>{answer.slice(0, answer.indexOf('[^1]:'))}</Markdown>);
    const calls = [...view.container.querySelectorAll('sup > a[data-footnote-ref]')];
    expect(calls.map((call) => call.textContent)).toEqual(['1', '2', '2', 'note-3', '1', '2']);
    expect(calls.map((call) => call.getAttribute('href'))).toEqual([
      '#user-content-fn-1',
      '#user-content-fn-2',
      '#user-content-fn-2',
      '#user-content-fn-note-3',
      '#user-content-fn-1',
      '#user-content-fn-2',
    ]);
    // Inline code is code: its brackets stay.
    expect(view.container.querySelector('p code')?.textContent).toBe('arr[^1]');
    // The cell and the quote hold theirs.
    expect(view.container.querySelector('td sup a')?.textContent).toBe('1');
    expect(view.container.querySelector('blockquote sup a')?.textContent).toBe('2');
  });

  it('converges on the static render once finished: numbered calls and the footnotes section', () => {
    const { root, unmount } = streamEach(answer, () => {});
    expect(canonicalStaticHtml(answer)).toContain('data-footnotes');
    const finished = render(<Markdown>{answer}</Markdown>);
    expect(root.innerHTML).toBe(finished.container.querySelector('.rivulet-markdown')?.innerHTML);
    expect([...root.querySelectorAll('sup a')].map((call) => call.textContent)).toEqual(['1', '2', '2', '3', '1', '2']);
    unmount();
  });

  it('shows a call never defined as written once the answer is finished', () => {
    const { root, unmount } = streamEach('A claim[^9] with no source.', () => {});
    expect(root.textContent).toBe('A claim[^9] with no source.');
    expect(root.querySelector('sup')).toBeNull();
    unmount();
  });

  it('keeps the calls of a stopped answer as superscripts: its footnotes never came', () => {
    const text = 'Claim[^1] and another[^2].\n\nMore text, then the user stopped it';
    const view = render(<Markdown streaming>{text}</Markdown>);
    view.rerender(<Markdown incomplete>{text}</Markdown>);
    const root = view.container.querySelector('.rivulet-markdown') as HTMLElement;
    expect(root.getAttribute('data-incomplete')).toBe('true');
    expect(root.textContent).not.toContain('[^');
    expect([...root.querySelectorAll('sup > a[data-footnote-ref]')].map((call) => call.textContent)).toEqual([
      '1',
      '2',
    ]);
    // A call the stopped text does define is the real one, numbered, with its section.
    const defined = 'Claim[^a] and another[^2].\n\n[^a]: Source.\n\nMore';
    view.rerender(<Markdown incomplete>{defined}</Markdown>);
    expect(root.querySelector('section[data-footnotes]')).not.toBeNull();
    expect([...root.querySelectorAll('sup > a')].map((call) => call.textContent)).toEqual(['1', '2']);
    expect(root.querySelector('#user-content-fnref-a')).not.toBeNull();
  });

  it('shows a finished block rendered while streaming with its calls', () => {
    const text = 'First[^1] paragraph.\n\nSecond paragraph, still growing';
    const view = render(<Markdown streaming>{text}</Markdown>);
    const first = view.container.querySelector('p') as HTMLElement;
    expect(first.textContent).toBe('First1 paragraph.');
    expect(first.querySelector('sup > a')?.getAttribute('href')).toBe('#user-content-fn-1');
  });

  it('hides a call starting a line while it may still be a definition', () => {
    const states: string[] = [];
    streamEach('Claim[^1].\n\n[^1]: Source.\n', (current) => {
      states.push(textOutsideCalls(current));
    });
    // While `[^1]` starts the last line, nothing of it shows; then the definition streams in.
    expect(states.every((state) => !state.includes('[') && !state.includes('^'))).toBe(true);
    expect(states).toContain('Claim.');
    expect(states.at(-1)?.replace(/\s+/g, ' ').trim()).toBe('Claim. Source.');
  });

  it('leaves an escaped call as text while streaming, as the finished render does', () => {
    // `\[` opens display math when math is on (the default), so these texts turn it off.
    const text = 'Literal \\[^7] and [\\^2], a call[^1], and `[^3]` in code.\n\nStill growing';
    const view = render(
      <Markdown streaming math={false}>
        {text}
      </Markdown>,
    );
    const first = view.container.querySelector('p') as HTMLElement;
    expect(first.textContent).toBe('Literal [^7] and [^2], a call1, and [^3] in code.');
    expect([...first.querySelectorAll('sup > a')].map((call) => call.getAttribute('href'))).toEqual([
      '#user-content-fn-1',
    ]);
    // Escaped alone in its block: no superscript at any prefix, and the same text once finished.
    const escaped = 'Write \\[^1] or [\\^2] for a footnote.';
    for (let end = 1; end <= escaped.length; end += 1) {
      view.rerender(
        <Markdown streaming math={false}>
          {escaped.slice(0, end)}
        </Markdown>,
      );
      expect(view.container.querySelector('sup'), escaped.slice(0, end)).toBeNull();
    }
    expect(view.container.textContent).toBe('Write [^1] or [^2] for a footnote.');
    view.rerender(<Markdown math={false}>{escaped}</Markdown>);
    expect(view.container.textContent).toBe('Write [^1] or [^2] for a footnote.');
  });
});

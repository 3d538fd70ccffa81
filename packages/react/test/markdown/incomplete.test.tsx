/**
 * "Still growing" and "complete" are separate: an answer that ended early (`incomplete`, not
 * `streaming`) keeps its tail repaired and shows no cursor; only a complete text renders exactly
 * as the static render.
 */
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

const CUT = 'Intro paragraph.\n\nSee **the [docs](https://exa';

function markdownRoot(container: HTMLElement): HTMLElement {
  const root = container.querySelector<HTMLElement>('.rivulet-markdown');
  if (!root) throw new Error('no <Markdown> root');
  return root;
}

/** What a reader of a cut answer must never see: raw markers, brackets or a link to half a URL. */
function expectRepairedTail(root: HTMLElement) {
  expect(root.textContent?.replace(/\s+/g, ' ')).toMatch(/^Intro paragraph\. ?See the docs$/);
  expect(root.textContent).not.toContain('**');
  expect(root.textContent).not.toContain('[');
  expect(root.querySelector('a')).toBeNull();
  expect(root.querySelector('strong')?.textContent).toBe('the docs');
  expect(root.querySelector('[data-rivulet-cursor]')).toBeNull();
}

describe('<Markdown incomplete>', () => {
  it('a stream that stops keeps its repaired tail, without the cursor', () => {
    const { container, rerender } = render(
      <Markdown streaming cursor highlight={false}>
        {CUT.slice(0, 20)}
      </Markdown>,
    );
    rerender(
      <Markdown streaming cursor highlight={false}>
        {CUT}
      </Markdown>,
    );
    expect(markdownRoot(container).querySelector('[data-rivulet-cursor]')).not.toBeNull();
    rerender(
      <Markdown streaming={false} incomplete cursor highlight={false}>
        {CUT}
      </Markdown>,
    );
    const root = markdownRoot(container);
    expectRepairedTail(root);
    expect(root.dataset.incomplete).toBe('true');
    expect(root.dataset.streaming).toBe('false');
  });

  it('an incomplete text that never streamed here (restored from history) is repaired too', () => {
    const { container } = render(
      <Markdown incomplete highlight={false}>
        {CUT}
      </Markdown>,
    );
    expectRepairedTail(markdownRoot(container));
  });

  it('an incomplete text with footnotes (rendered in one pass) is repaired too', () => {
    const text = 'Claim[^1].\n\n[^1]: Source.\n\nMore **bold [link](http://ex';
    const { container } = render(
      <Markdown incomplete highlight={false}>
        {text}
      </Markdown>,
    );
    const root = markdownRoot(container);
    expect(root.querySelector('section[data-footnotes]')).not.toBeNull();
    expect(root.textContent).not.toContain('**');
    expect(root.textContent).not.toContain('](');
    expect(root.querySelector('strong')?.textContent).toBe('bold link');
  });

  it('defaults to `streaming`: a text that finished is the static render, raw markers and all', () => {
    const { container, rerender } = render(
      <Markdown streaming highlight={false}>
        {CUT}
      </Markdown>,
    );
    rerender(<Markdown highlight={false}>{CUT}</Markdown>);
    const root = markdownRoot(container);
    expect(canonicalHtml(root)).toBe(canonicalStaticHtml(CUT));
    expect(root.textContent).toContain('**');
    expect(root.dataset.incomplete).toBeUndefined();
  });

  it('a resumed stream grows on from the repaired tail, and converges when it completes', () => {
    const full = `${CUT}mple.com) now.`;
    const { container, rerender } = render(
      <Markdown incomplete highlight={false}>
        {CUT}
      </Markdown>,
    );
    expectRepairedTail(markdownRoot(container));
    rerender(
      <Markdown streaming highlight={false}>
        {full}
      </Markdown>,
    );
    rerender(<Markdown highlight={false}>{full}</Markdown>);
    expect(canonicalHtml(markdownRoot(container))).toBe(canonicalStaticHtml(full));
  });
});

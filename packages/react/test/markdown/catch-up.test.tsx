import { Markdown } from '@rivulet/react';
import { act, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catchUpChars } from '../../src/markdown/incremental-blocks';

/** `count` paragraphs of about 300 characters each, numbered. */
function paragraphs(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Paragraph ${index}: ${'word '.repeat(58)}end.`);
}

const shownParagraphs = (container: HTMLElement) =>
  [...container.querySelectorAll('p')].map((paragraph) => paragraph.textContent ?? '');

afterEach(() => {
  vi.useRealTimers();
});

describe('a backlog of text arriving at once', () => {
  it('is rendered in slices, in order, until every block shows, then equals a stream', async () => {
    const all = paragraphs(1000);
    const text = all.join('\n\n');
    expect(text.length).toBeGreaterThan(4 * catchUpChars);
    const { container } = render(<Markdown streaming>{text}</Markdown>);
    const first = shownParagraphs(container);
    // One slice: more than nothing, less than everything, and always a prefix of the answer.
    expect(first.length).toBeGreaterThan(100);
    expect(first.length).toBeLessThan(400);
    expect(first).toEqual(all.slice(0, first.length));
    await waitFor(() => expect(shownParagraphs(container)).toHaveLength(1000), { timeout: 15_000 });
    expect(shownParagraphs(container)).toEqual(all);
  });

  it('does not slice a stream that grows a little per update', () => {
    const all = paragraphs(400);
    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    let text = '';
    for (const [index, paragraph] of all.entries()) {
      text += `${index === 0 ? '' : '\n\n'}${paragraph}`;
      rerender(<Markdown streaming>{text}</Markdown>);
    }
    expect(shownParagraphs(container)).toEqual(all);
  });

  it('leaves no timer behind when unmounted while catching up', () => {
    vi.useFakeTimers();
    const view = render(<Markdown streaming>{paragraphs(1000).join('\n\n')}</Markdown>);
    expect(vi.getTimerCount()).toBe(1);
    act(() => {
      vi.advanceTimersByTime(0);
    });
    expect(vi.getTimerCount()).toBe(1);
    view.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});

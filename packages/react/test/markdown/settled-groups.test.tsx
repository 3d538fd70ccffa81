import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupSize } from '../../src/markdown/blocks';

afterEach(() => {
  vi.restoreAllMocks();
});

const paragraphs = (count: number) => Array.from({ length: count }, (_, index) => `Paragraph ${index}.`).join('\n\n');

describe('settled block groups', () => {
  it('mark a complete group of final blocks once, with the size it takes as the size kept while skipped', () => {
    // jsdom lays nothing out: here every group is 240 px high, with a 12 px margin after it.
    const measure = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      let index = 0;
      for (let node = this.previousElementSibling; node; node = node.previousElementSibling) index++;
      return { top: index * 252, height: 240 } as DOMRect;
    });
    // One complete group, and the start of the next (its last block still open).
    const text = paragraphs(groupSize + 3);
    const { container, rerender } = render(<Markdown streaming>{text}</Markdown>);
    const [first, second] = [...container.querySelectorAll('.rivulet-blocks')] as HTMLElement[];
    expect(first?.hasAttribute('data-settled')).toBe(true);
    // Up to the next group: the margin after it stays inside it while it is skipped.
    expect(first?.style.getPropertyValue('contain-intrinsic-block-size')).toBe('auto 252px');
    expect(second?.hasAttribute('data-settled')).toBe(false);
    expect(second?.style.getPropertyValue('contain-intrinsic-block-size')).toBe('');

    // Later flushes do not measure a settled group again.
    const calls = measure.mock.calls.length;
    rerender(<Markdown streaming>{`${text} More.`}</Markdown>);
    rerender(<Markdown streaming>{`${text} More and more.`}</Markdown>);
    expect(measure.mock.calls.length).toBe(calls);
    expect(container.querySelector('.rivulet-blocks')).toBe(first);
  });

  it('never settle the last group, even when the answer is done', () => {
    const text = paragraphs(groupSize + 3);
    const { container, rerender } = render(<Markdown streaming>{text}</Markdown>);
    rerender(<Markdown>{text}</Markdown>);
    const groups = [...container.querySelectorAll('.rivulet-blocks')];
    expect(groups.map((group) => group.hasAttribute('data-settled'))).toEqual([true, false]);
  });

  it('settle a group only when all of its blocks are final', () => {
    // Exactly one group's worth of blocks, the last one still growing: not settled yet.
    const text = paragraphs(groupSize);
    const { container, rerender } = render(<Markdown streaming>{text}</Markdown>);
    const group = container.querySelector('.rivulet-blocks') as HTMLElement;
    expect(group.hasAttribute('data-settled')).toBe(false);
    // Two more blocks: every block of the first group is final.
    rerender(<Markdown streaming>{`${text}\n\nThe next block.\n\nAnd one more.`}</Markdown>);
    expect(group.hasAttribute('data-settled')).toBe(true);
  });
});

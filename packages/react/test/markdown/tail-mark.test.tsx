/**
 * In a text rendered block by block, the last block is marked `data-rivulet-tail` (the stylesheet
 * removes its bottom margin): exactly one element, the last block, moved along as blocks are
 * appended or an element is replaced, and still there once the text is final. A text rendered at
 * once has no mark: its root's class says its blocks are its children (`:last-child` serves).
 */
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

function marked(container: HTMLElement): Element[] {
  return [...container.querySelectorAll('[data-rivulet-tail]')];
}

function lastBlock(container: HTMLElement): Element | null | undefined {
  const root = container.querySelector('.rivulet-markdown');
  const group = root?.lastElementChild;
  return group?.classList.contains('rivulet-blocks') ? group.lastElementChild : group;
}

describe('the last block of a text rendered block by block', () => {
  it('is the one element marked, at every prefix of a document', () => {
    const markdown =
      '# Title\n\nA paragraph with **bold**.\n\n- one\n- two\n\nSetext heading\n---\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> quoted\n\n```js\ncode\n```\n\nEnd.';
    const view = render(<Markdown streaming highlight={false} />);
    for (let end = 1; end <= markdown.length; end += 1) {
      view.rerender(
        <Markdown streaming highlight={false}>
          {markdown.slice(0, end)}
        </Markdown>,
      );
      const marks = marked(view.container);
      const last = lastBlock(view.container);
      const prefix = JSON.stringify(markdown.slice(0, end));
      expect(marks.length, `after ${prefix}`).toBe(last ? 1 : 0);
      if (last) expect(marks[0], `after ${prefix}`).toBe(last);
    }
    const root = () => view.container.querySelector('.rivulet-markdown');
    expect(root()?.classList.contains('rivulet-markdown--static')).toBe(false);
    view.rerender(<Markdown highlight={false}>{markdown}</Markdown>);
    expect(marked(view.container)).toEqual([lastBlock(view.container)]);
    expect(lastBlock(view.container)?.textContent).toBe('End.');
    expect(root()?.classList.contains('rivulet-markdown--static')).toBe(false);
  });

  it('is marked in a text that stopped early (restored), not in a text rendered at once', () => {
    const text = 'First.\n\nSecond **half';
    const stopped = render(
      <Markdown incomplete highlight={false}>
        {text}
      </Markdown>,
    );
    expect(marked(stopped.container).map((element) => element.textContent)).toEqual(['Second half']);
    const whole = render(<Markdown highlight={false}>{text}</Markdown>);
    expect(marked(whole.container)).toEqual([]);
    const root = whole.container.querySelector('.rivulet-markdown');
    expect(root?.classList.contains('rivulet-markdown--static')).toBe(true);
    expect(root?.lastElementChild?.textContent).toBe('Second **half');
  });
});

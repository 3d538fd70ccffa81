import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

function cursorIn(
  markdown: string,
  props: { streaming?: boolean; cursor?: boolean } = { streaming: true, cursor: true },
) {
  const { container } = render(
    <Markdown highlight={false} {...props}>
      {markdown}
    </Markdown>,
  );
  const cursors = container.querySelectorAll('[data-rivulet-cursor]');
  return { container, cursors, cursor: cursors[0] ?? null };
}

describe('typing cursor placement', () => {
  it('sits inside the last paragraph, right after its text', () => {
    const { cursors, cursor } = cursorIn('First.\n\nSecond line');
    expect(cursors).toHaveLength(1);
    expect(cursor?.parentElement?.tagName).toBe('P');
    expect(cursor?.parentElement?.textContent).toBe('Second line');
    expect(cursor?.nextSibling).toBeNull();
  });

  it('sits inside the last list item', () => {
    const { cursor } = cursorIn('- one\n- two');
    expect(cursor?.parentElement?.tagName).toBe('LI');
    expect(cursor?.parentElement?.textContent).toBe('two');
  });

  it('sits inside the last heading and the last table cell', () => {
    expect(cursorIn('## Title').cursor?.parentElement?.tagName).toBe('H2');
    const table = cursorIn('| a | b |\n|---|---|\n| 1 | 2 |').cursor;
    expect(table?.parentElement?.tagName).toBe('TD');
    expect(table?.parentElement?.textContent).toBe('2');
  });

  it('sits at the end of the code inside an open code block', () => {
    const { cursor } = cursorIn('Intro\n\n```js\nconst a = 1;\nconst b');
    const code = cursor?.closest('code');
    expect(code?.parentElement?.tagName).toBe('PRE');
    expect(cursor?.previousSibling?.textContent?.endsWith('const b')).toBe(true);
    expect(code?.textContent).toBe('const a = 1;\nconst b\n');
  });

  it('ends inline formatting inside the paragraph, not after it', () => {
    const { cursor } = cursorIn('Some **bold');
    expect(cursor?.closest('p')).not.toBeNull();
  });

  it('shows alone before any text arrives', () => {
    const { cursors } = cursorIn('');
    expect(cursors).toHaveLength(1);
  });

  it('is absent when not streaming, or without the cursor prop', () => {
    expect(cursorIn('Done.', { streaming: false, cursor: true }).cursors).toHaveLength(0);
    expect(cursorIn('Going', { streaming: true, cursor: false }).cursors).toHaveLength(0);
  });
});

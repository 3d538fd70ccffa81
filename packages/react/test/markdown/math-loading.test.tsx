/**
 * Before the math chunk has loaded: a block whose `$` are all in code renders at once, without
 * it; a streaming block whose math just began keeps what it showed (no raw `$`), and draws the
 * formula once the chunk arrives. The chunk is held back by a gate.
 */
import { Markdown } from '@rivulet/react';
import { act, render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open() };
});

vi.mock('../../src/markdown/math/math-chunk', async (importOriginal) => {
  await gate.opened;
  return importOriginal();
});

async function settle() {
  await act(async () => {
    for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('math before its chunk has loaded', () => {
  it('does not hold back a block whose dollars are all code', () => {
    const text = 'Run `echo $HOME`:\n\n```sh\nexport A=$1\n```\n\nThen `$(date)`.';
    for (const streaming of [false, true]) {
      const { container, unmount } = render(<Markdown streaming={streaming}>{text}</Markdown>);
      expect(container.querySelector('p code')?.textContent).toBe('echo $HOME');
      expect(container.querySelector('pre')?.textContent).toContain('export A=$1');
      expect(container.textContent).toContain('Then $(date).');
      unmount();
    }
  });

  it('keeps the block as it was, then draws the formula', async () => {
    const { container, rerender } = render(<Markdown streaming>{'The area is '}</Markdown>);
    rerender(<Markdown streaming>{'The area is $\\pi r'}</Markdown>);
    rerender(<Markdown streaming>{'The area is $\\pi r^2$ in'}</Markdown>);
    await settle();
    expect(container.textContent).toBe('The area is');
    expect(container.querySelector('.rivulet-math')).toBeNull();

    gate.open();
    await waitFor(() => expect(container.querySelector('.rivulet-math .katex')).not.toBeNull(), { timeout: 10_000 });
    expect(container.textContent).toContain(' in');
  });
});

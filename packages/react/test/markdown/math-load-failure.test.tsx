/**
 * When the math chunk cannot load (a flaky network), an answer with math is not lost: its blocks
 * show as plain text rather than staying empty.
 */
import { Markdown } from '@rivulet/react';
import { render, waitFor } from '@testing-library/react';
import { expect, it, vi } from 'vitest';

vi.mock('../../src/markdown/math/math-chunk', () => {
  throw new Error('network error');
});

it('shows the text as written when the math chunk fails to load', async () => {
  const { container } = render(<Markdown>{'Area $\\pi r^2$ here.'}</Markdown>);
  await waitFor(() => expect(container.textContent).toBe('Area $\\pi r^2$ here.'), { timeout: 10_000 });
  expect(container.querySelector('.rivulet-math')).toBeNull();
});

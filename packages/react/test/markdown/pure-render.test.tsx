import { Markdown } from '@rivulet/react';
import { act, render, waitFor } from '@testing-library/react';
import { Profiler, type ReactNode, StrictMode, Suspense, startTransition } from 'react';
import { describe, expect, it } from 'vitest';
import { catchUpChars } from '../../src/markdown/incremental-blocks';

/** `count` paragraphs of about 300 characters each, numbered. */
function paragraphs(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, index) => `Paragraph ${from + index}: ${'word '.repeat(58)}end.`);
}

const shownParagraphs = (container: HTMLElement) =>
  [...container.querySelectorAll('p')].map((paragraph) => paragraph.textContent ?? '');

/**
 * Streams `updates` (each a text) into one `<Markdown>`, optionally under `<StrictMode>`, waits for
 * every backlog slice to be on screen, and returns how many commits React made and what shows.
 */
async function commitsOf(updates: readonly string[], strict: boolean) {
  let commits = 0;
  const onRender = () => {
    commits += 1;
  };
  const wrap = (node: ReactNode) => (strict ? <StrictMode>{node}</StrictMode> : node);
  const view = (text: string) =>
    wrap(
      <Profiler id="markdown" onRender={onRender}>
        <Markdown streaming highlight={false}>
          {text}
        </Markdown>
      </Profiler>,
    );
  const { container, rerender, unmount } = render(view(updates[0] ?? ''));
  const expected = (updates[updates.length - 1] ?? '').split('\n\n');
  for (const text of updates.slice(1)) rerender(view(text));
  await waitFor(() => expect(shownParagraphs(container)).toHaveLength(expected.length), { timeout: 20_000 });
  const shown = shownParagraphs(container);
  unmount();
  return { commits, shown, expected };
}

const settled = new WeakSet<Promise<void>>();

/** Suspends (throws `wait`) until `wait` has resolved. */
function Gate({ wait }: { wait: Promise<void> | undefined }) {
  if (wait && !settled.has(wait)) {
    wait.then(() => settled.add(wait));
    throw wait;
  }
  return null;
}

describe('a pure render', () => {
  it('commits as often under StrictMode as without it, for a backlog rendered in slices', async () => {
    const first = paragraphs(1000).join('\n\n');
    expect(first.length).toBeGreaterThan(4 * catchUpChars);
    // A backlog arriving at once, caught up over several tasks.
    const updates = [first];
    const loose = await commitsOf(updates, false);
    const strict = await commitsOf(updates, true);
    expect(loose.shown).toEqual(loose.expected);
    expect(strict.shown).toEqual(strict.expected);
    // Several slices, so the count says something.
    expect(loose.commits).toBeGreaterThan(3);
    expect(strict.commits).toBe(loose.commits);
  }, 60_000);

  it('shows each paragraph once when transitions are abandoned, interrupted and resumed', async () => {
    const all = paragraphs(60);
    let pending: { promise: Promise<void>; resolve: () => void } | undefined;
    const suspend = () => {
      let resolve = () => {};
      const promise = new Promise<void>((done) => {
        resolve = done;
      });
      pending = { promise, resolve };
    };
    const view = (text: string, wait?: Promise<void>) => (
      <StrictMode>
        <Suspense fallback={<p>loading</p>}>
          <Markdown streaming highlight={false}>
            {text}
          </Markdown>
          <Gate wait={wait} />
        </Suspense>
      </StrictMode>
    );
    const { container, rerender } = render(view(''));
    let committed = '';
    for (let index = 0; index < all.length; index += 6) {
      const ahead = all.slice(0, index + 6).join('\n\n');
      const behind = all.slice(0, index + 3).join('\n\n');
      // A transition to a longer text suspends: it is rendered, then held back, never committed.
      suspend();
      const held = pending;
      act(() => startTransition(() => rerender(view(ahead, held?.promise))));
      expect(shownParagraphs(container)).toEqual(committed === '' ? [] : committed.split('\n\n'));
      // An urgent update with a shorter text comes first (a text the held render went past).
      act(() => rerender(view(behind)));
      committed = behind;
      expect(shownParagraphs(container)).toEqual(all.slice(0, index + 3));
      // The held transition is released: it is rendered again against the text now committed.
      await act(async () => {
        held?.resolve();
        await held?.promise;
      });
      expect(shownParagraphs(container)).toEqual(all.slice(0, index + 3));
      act(() => startTransition(() => rerender(view(ahead))));
      committed = ahead;
      expect(shownParagraphs(container)).toEqual(all.slice(0, index + 6));
    }
    expect(container.textContent).not.toContain('loading');
    await waitFor(() => expect(shownParagraphs(container)).toEqual(all));
  }, 30_000);
});

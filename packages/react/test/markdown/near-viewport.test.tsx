import { Markdown } from '@rivulet/react';
import { act, render, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { languageStatus } from '../../src/markdown/highlighter';

/**
 * A stand-in for the browser's IntersectionObserver (jsdom has none): it records what is
 * observed, and `enter(element)` reports that element as intersecting, as scrolling would.
 */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly observed = new Set<Element>();
  readonly options: IntersectionObserverInit | undefined;
  private readonly callback: IntersectionObserverCallback;

  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    this.callback = callback;
    this.options = options;
    FakeObserver.all.push(this);
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  takeRecords() {
    return [];
  }
  enter(element: Element) {
    const entry = { target: element, isIntersecting: true } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

function observedElements(): Element[] {
  return FakeObserver.all.flatMap((observer) => [...observer.observed]);
}

function enter(element: Element) {
  const observer = FakeObserver.all.find((candidate) => candidate.observed.has(element));
  if (!observer) throw new Error('the element is not observed');
  act(() => observer.enter(element));
}

// Rivulet keeps one observer for the page, created on first use: it outlives each test.
beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const highlightedSpans = (root: ParentNode) => root.querySelectorAll('code span[style]');

// Each test uses a language no other test in this file loads, so its status tells whether this
// test's block asked for it.
describe('highlighting code near the viewport (highlight="visible", the default)', () => {
  it('loads nothing for a block until it comes near the viewport, then highlights it', async () => {
    const { container } = render(<Markdown>{'```lua\nlocal answer = 42\nprint(answer)\n```'}</Markdown>);
    const block = container.querySelector('.rivulet-code-block') as HTMLElement;
    expect(observedElements()).toEqual([block]);
    // One viewport height of look-ahead around the viewport.
    expect(FakeObserver.all).toHaveLength(1);
    expect(FakeObserver.all[0]?.options?.rootMargin).toBe('100% 0px');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(languageStatus('lua')).toBe('idle');
    expect(block.getAttribute('data-highlighted')).toBe('false');

    enter(block);
    expect(observedElements()).toEqual([]);
    await waitFor(() => expect(highlightedSpans(block).length).toBeGreaterThan(2), { timeout: 10_000 });
    expect(block.textContent).toContain('local answer = 42');
  }, 15_000);

  it('keeps highlighting a growing block once it has been near, and stops observing it', async () => {
    const { container, rerender } = render(<Markdown streaming>{'```ruby\nputs 1\n'}</Markdown>);
    const block = container.querySelector('.rivulet-code-block') as HTMLElement;
    enter(block);
    rerender(<Markdown streaming>{'```ruby\nputs 1\nputs 2\n'}</Markdown>);
    expect(container.querySelector('.rivulet-code-block')).toBe(block);
    expect(observedElements()).toEqual([]);
    rerender(<Markdown>{'```ruby\nputs 1\nputs 2\n```'}</Markdown>);
    await waitFor(() => expect(block.getAttribute('data-highlighted')).toBe('true'), { timeout: 10_000 });
    expect(highlightedSpans(block).length).toBeGreaterThan(0);
  }, 15_000);

  it('stops observing a block that unmounts before it was seen', () => {
    const { container, unmount } = render(<Markdown>{'```perl\nprint "hi";\n```'}</Markdown>);
    expect(observedElements()).toEqual([container.querySelector('.rivulet-code-block')]);
    unmount();
    expect(observedElements()).toEqual([]);
    expect(languageStatus('perl')).toBe('idle');
  });

  it('shows a finished block highlighted before at once, seen or not', async () => {
    const markdown = '```scala\nval answer = 42\n```';
    const first = render(<Markdown highlight="all">{markdown}</Markdown>);
    await waitFor(() => expect(highlightedSpans(first.container).length).toBeGreaterThan(0), { timeout: 10_000 });
    first.unmount();

    const { container } = render(<Markdown>{markdown}</Markdown>);
    // Nothing to load or tokenize: the cached tokens show on the first render, before any
    // intersection is reported.
    expect(highlightedSpans(container).length).toBeGreaterThan(0);
  }, 15_000);

  it('re-renders only the blocks near the viewport when their grammar becomes ready', async () => {
    // A long chat holds hundreds of blocks of a language: the ones far from the viewport must not
    // all re-render when its grammar is ready, since they have nothing to show before a pass.
    const farCommits: string[] = [];
    const { container } = render(
      <>
        <Markdown>{'```erlang\nnear() -> ok.\n```'}</Markdown>
        <Profiler id="far" onRender={(_id, phase) => farCommits.push(phase)}>
          <Markdown>{'```erlang\nfar() -> 1.\n```\n\ntext\n\n```erlang\nother() -> 2.\n```'}</Markdown>
        </Profiler>
      </>,
    );
    const [near, far, other] = [...container.querySelectorAll('.rivulet-code-block')] as HTMLElement[];
    farCommits.length = 0;
    enter(near as HTMLElement);
    await waitFor(() => expect(highlightedSpans(near as HTMLElement).length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(languageStatus('erlang')).toBe('ready');
    expect(farCommits).toEqual([]);
    expect(far?.getAttribute('data-highlighted')).toBe('false');

    // Once near, a waiting block reads the status and highlights.
    enter(far as HTMLElement);
    await waitFor(() => expect(highlightedSpans(far as HTMLElement).length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(other?.getAttribute('data-highlighted')).toBe('false');
  }, 15_000);

  it('observes nothing with highlight="all" or highlight={false}', async () => {
    const { container } = render(
      <>
        <Markdown highlight="all">{'```haskell\nmain = print 42\n```'}</Markdown>
        <Markdown highlight={false}>{'```elixir\nIO.puts 42\n```'}</Markdown>
      </>,
    );
    expect(observedElements()).toEqual([]);
    const [all, off] = [...container.querySelectorAll('.rivulet-code-block')] as HTMLElement[];
    await waitFor(() => expect(all?.getAttribute('data-highlighted')).toBe('true'), { timeout: 10_000 });
    expect(off?.getAttribute('data-highlighted')).toBe('false');
    expect(languageStatus('elixir')).toBe('idle');
  }, 15_000);

  it('parks the blocks of a container the browser skips (content-visibility), until it renders it again', async () => {
    const { container } = render(
      <>
        <div className="group">
          <Markdown>{'```julia\nprintln(42)\n```\n\ntext\n\n```julia\nx = 1\n```'}</Markdown>
        </div>
        <Markdown>{'```fortran\nprint *, 42\n```'}</Markdown>
      </>,
    );
    const group = container.querySelector('.group') as HTMLElement;
    const [first, second, outside] = [...container.querySelectorAll('.rivulet-code-block')] as HTMLElement[];
    const visibility = (skipped: boolean) =>
      act(() => {
        group.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped }));
      });
    expect(new Set(observedElements())).toEqual(new Set([first, second, outside]));
    visibility(true);
    expect(observedElements()).toEqual([outside]);
    visibility(false);
    expect(new Set(observedElements())).toEqual(new Set([first, second, outside]));
    expect(languageStatus('julia')).toBe('idle');
    enter(first as HTMLElement);
    await waitFor(() => expect(highlightedSpans(first as HTMLElement).length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(new Set(observedElements())).toEqual(new Set([second, outside]));
  }, 15_000);

  it('parks a block that mounts inside a container already skipped', () => {
    const view = (shown: boolean) => (
      <div className="group">{shown ? <Markdown>{'```ocaml\nlet x = 42\n```'}</Markdown> : null}</div>
    );
    const { container, rerender } = render(view(false));
    const group = container.querySelector('.group') as HTMLElement;
    const visibility = (skipped: boolean) =>
      act(() => {
        group.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped }));
      });
    visibility(true);
    rerender(view(true));
    const block = container.querySelector('.rivulet-code-block');
    expect(block).not.toBeNull();
    expect(observedElements()).toEqual([]);
    visibility(false);
    expect(observedElements()).toEqual([block]);
  });

  it('forgets a parked block that unmounts', () => {
    const view = (shown: boolean) => (
      <div className="group">{shown ? <Markdown>{'```nim\necho 42\n```'}</Markdown> : null}</div>
    );
    const { container, rerender } = render(view(true));
    const group = container.querySelector('.group') as HTMLElement;
    const visibility = (skipped: boolean) =>
      act(() => {
        group.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped }));
      });
    visibility(true);
    expect(observedElements()).toEqual([]);
    rerender(view(false));
    visibility(false);
    expect(observedElements()).toEqual([]);
  });

  it('treats every block as near where IntersectionObserver does not exist', async () => {
    vi.unstubAllGlobals();
    const saved = globalThis.IntersectionObserver;
    // jsdom has none; make sure of it for this test.
    Reflect.deleteProperty(globalThis, 'IntersectionObserver');
    try {
      const { container } = render(<Markdown>{'```clojure\n(println 42)\n```'}</Markdown>);
      await waitFor(() => expect(highlightedSpans(container).length).toBeGreaterThan(0), { timeout: 10_000 });
    } finally {
      if (saved) globalThis.IntersectionObserver = saved;
    }
  }, 15_000);
});

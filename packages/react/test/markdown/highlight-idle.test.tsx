import { Markdown } from '@rivulet/react';
import { act, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { languageStatus, loadLanguage } from '../../src/markdown/highlighter';
import { flingSettleMs, flingSettlesIn, idleAfter, whenIdle } from '../../src/markdown/idle';

/** A page whose idle periods come only when the test says so. */
function controlIdle() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
    callbacks.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (handle: number) => {
    callbacks.delete(handle);
  });
  return {
    get waiting() {
      return callbacks.size;
    },
    /** One idle period: runs the callbacks queued before it. */
    idle() {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback();
    },
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const highlightedSpans = (element: Element) => element.querySelectorAll('code span[style]');

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('idle scheduling', () => {
  it('runs work in the next idle period, and not once cancelled', () => {
    const page = controlIdle();
    const ran: string[] = [];
    whenIdle(() => ran.push('a'));
    const cancel = whenIdle(() => ran.push('b'));
    cancel();
    expect(ran).toEqual([]);
    page.idle();
    expect(ran).toEqual(['a']);
  });

  it('waits the delay first, then an idle period', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const page = controlIdle();
    const ran = vi.fn();
    idleAfter(100, ran);
    vi.advanceTimersByTime(99);
    expect(page.waiting).toBe(0);
    vi.advanceTimersByTime(1);
    expect(page.waiting).toBe(1);
    expect(ran).not.toHaveBeenCalled();
    page.idle();
    expect(ran).toHaveBeenCalledOnce();
  });

  it('cancels a delayed run before and after its delay', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const page = controlIdle();
    const ran = vi.fn();
    idleAfter(50, ran)();
    vi.advanceTimersByTime(60);
    expect(page.waiting).toBe(0);
    const cancel = idleAfter(50, ran);
    vi.advanceTimersByTime(60);
    cancel();
    page.idle();
    expect(ran).not.toHaveBeenCalled();
  });

  it('falls back to the next task without requestIdleCallback', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const ran = vi.fn();
    whenIdle(ran);
    expect(ran).not.toHaveBeenCalled();
    await wait(0);
    expect(ran).toHaveBeenCalledOnce();
  });
});

/** A scroll container attached to the page, whose scroll position the test sets (jsdom keeps 0). */
function scroller() {
  const element = document.createElement('div');
  let top = 0;
  Object.defineProperty(element, 'scrollTop', { get: () => top });
  document.body.append(element);
  return {
    /** Scrolls by `pixels` and fires the `scroll` event, as the browser does once per frame. */
    scrollBy(pixels: number) {
      top += pixels;
      element.dispatchEvent(new Event('scroll'));
    },
    remove: () => element.remove(),
  };
}

/** Fake timers and clock, idle periods on demand, and a scroll container at its first position. */
function scrollingPage() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  const page = controlIdle();
  const list = scroller();
  list.scrollBy(0);
  return { page, list };
}

describe('idle scheduling while the page scrolls', () => {
  it('holds work back while a container is scrolled fast, and runs it once the scroll settles', () => {
    const { page, list } = scrollingPage();
    // A fling: 120 px a frame, well over half of jsdom's 768 px viewport within 200 ms.
    for (let frame = 0; frame < 6; frame += 1) {
      vi.advanceTimersByTime(16);
      list.scrollBy(-120);
    }
    expect(flingSettlesIn()).toBe(flingSettleMs);
    const ran = vi.fn();
    whenIdle(ran);
    page.idle();
    expect(ran).not.toHaveBeenCalled();
    // Still flinging when the wait ends: it waits again, as long as the new fling needs.
    vi.advanceTimersByTime(100);
    list.scrollBy(-120);
    vi.advanceTimersByTime(99);
    expect(page.waiting).toBe(0);
    vi.advanceTimersByTime(1);
    expect(page.waiting).toBe(1);
    page.idle();
    expect(ran).not.toHaveBeenCalled();
    vi.advanceTimersByTime(99);
    expect(page.waiting).toBe(0);
    vi.advanceTimersByTime(1);
    expect(flingSettlesIn()).toBe(0);
    page.idle();
    expect(ran).toHaveBeenCalledOnce();
    list.remove();
  });

  it('does not hold work back for slow scrolling, such as a chat following its answer', () => {
    const { page, list } = scrollingPage();
    for (let frame = 0; frame < 30; frame += 1) {
      vi.advanceTimersByTime(16);
      list.scrollBy(24); // 1,500 px/s: 300 px in any 200 ms
    }
    expect(flingSettlesIn()).toBe(0);
    const ran = vi.fn();
    whenIdle(ran);
    page.idle();
    expect(ran).toHaveBeenCalledOnce();
    list.remove();
  });

  it('can be cancelled while it waits for the scroll to settle', () => {
    const { page, list } = scrollingPage();
    vi.advanceTimersByTime(16);
    list.scrollBy(2_000);
    const ran = vi.fn();
    const cancel = whenIdle(ran);
    page.idle();
    cancel();
    vi.advanceTimersByTime(flingSettleMs);
    page.idle();
    expect(page.waiting).toBe(0);
    expect(ran).not.toHaveBeenCalled();
    list.remove();
  });
});

describe('code highlighting on a busy page', () => {
  it('does not load a grammar until the page is idle', async () => {
    const page = controlIdle();
    render(<Markdown>{'```rust\nfn main() {}\n```'}</Markdown>);
    await wait(50);
    expect(languageStatus('rust')).toBe('idle');
    act(() => page.idle());
    await waitFor(() => expect(languageStatus('rust')).toBe('ready'), { timeout: 10_000 });
  });

  it('starts no highlighting pass until the page is idle, then shows the tokens', async () => {
    await loadLanguage('ts');
    const page = controlIdle();
    const { container } = render(<Markdown>{'```ts\nconst idle: boolean = true;\nexport { idle };\n```'}</Markdown>);
    // Long enough for a pass that was not waiting for an idle period to finish and show.
    await wait(300);
    expect(highlightedSpans(container)).toHaveLength(0);
    expect(page.waiting).toBeGreaterThan(0);
    act(() => page.idle());
    await waitFor(() => expect(highlightedSpans(container).length).toBeGreaterThan(3));
  });

  it('drops the waiting pass when the block unmounts', async () => {
    await loadLanguage('ts');
    const page = controlIdle();
    const { unmount } = render(<Markdown>{'```ts\nconst gone = 1;\n```'}</Markdown>);
    await wait(0);
    expect(page.waiting).toBeGreaterThan(0);
    unmount();
    expect(page.waiting).toBe(0);
  });
});

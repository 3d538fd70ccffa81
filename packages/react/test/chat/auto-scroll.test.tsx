import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FetchCall } from '../hooks/streams';
import { renderChat } from './setup-chat';

afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * jsdom does no layout: give the log a fixed 100 px viewport, a content height the test sets,
 * and a scroll position that clamps like a browser's.
 */
function fakeLayout(log: HTMLElement) {
  const layout = { contentHeight: 100, top: 0 };
  const max = () => Math.max(0, layout.contentHeight - 100);
  Object.defineProperty(log, 'clientHeight', { configurable: true, get: () => 100 });
  Object.defineProperty(log, 'scrollHeight', { configurable: true, get: () => layout.contentHeight });
  Object.defineProperty(log, 'scrollTop', {
    configurable: true,
    get: () => layout.top,
    set: (value: number) => {
      layout.top = Math.min(Math.max(0, value), max());
    },
  });
  return {
    layout,
    /** The user scrolls to `top` (the browser then fires a scroll event). */
    userScrollTo(top: number) {
      log.scrollTop = top;
      fireEvent.scroll(log);
    },
  };
}

async function streamingChat() {
  const chat = renderChat();
  const log = screen.getByRole('log');
  const fake = fakeLayout(log);
  const call = await chat.ask('Write a lot');
  /** More text arrives and the content grows to `height`. */
  async function grow(call: FetchCall, height: number, text: string) {
    fake.layout.contentHeight = height;
    call.body.push(text);
    await waitFor(() => expect(log.textContent).toContain(text));
  }
  return { ...chat, ...fake, log, call, grow };
}

const jumpButton = () => screen.queryByRole('button', { name: 'Jump to latest' });

describe('ChatWindow auto-scroll', () => {
  it('follows new text while the user is at the bottom', async () => {
    const { layout, call, grow } = await streamingChat();
    await grow(call, 500, 'first part');
    expect(layout.top).toBe(400);
    await grow(call, 900, 'second part');
    expect(layout.top).toBe(800);
    expect(jumpButton()).toBeNull();
  });

  it('stops following the moment the wheel scrolls up, and Jump to latest brings it back', async () => {
    const { layout, log, call, grow, user } = await streamingChat();
    await grow(call, 500, 'one');
    // The wheel event alone releases: the content grows before the browser has scrolled.
    fireEvent.wheel(log, { deltaY: -40 });
    await grow(call, 900, 'two');
    expect(layout.top).toBe(400);
    const jump = jumpButton();
    expect(jump).not.toBeNull();

    await user.click(jump!);
    expect(layout.top).toBe(800);
    expect(jumpButton()).toBeNull();
    await grow(call, 1200, 'three');
    expect(layout.top).toBe(1100);
  });

  it('an upward scroll of any origin (scrollbar drag, touch fling) releases the lock', async () => {
    const { layout, call, grow, userScrollTo } = await streamingChat();
    await grow(call, 500, 'one');
    userScrollTo(250);
    await grow(call, 700, 'two');
    expect(layout.top).toBe(250);
    expect(jumpButton()).not.toBeNull();
  });

  it('pressing on the scrollbar releases the lock before any drag', async () => {
    const { layout, log, call, grow } = await streamingChat();
    await grow(call, 500, 'one');
    // jsdom lays out nothing: the scrollbar starts at x = 0.
    // (A MouseEvent carries clientX where jsdom has no PointerEvent.)
    act(() => {
      log.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, clientX: 4 }));
    });
    await grow(call, 700, 'two');
    expect(layout.top).toBe(400);
  });

  it('paging keys in the log release the lock before the scroll even happens', async () => {
    const { layout, log, call, grow } = await streamingChat();
    await grow(call, 500, 'one');
    fireEvent.keyDown(log, { key: 'PageUp' });
    await grow(call, 700, 'two');
    expect(layout.top).toBe(400);
    expect(jumpButton()).not.toBeNull();
  });

  it('a touch dragging the content down releases the lock', async () => {
    const { layout, log, call, grow } = await streamingChat();
    await grow(call, 500, 'one');
    fireEvent.touchStart(log, { touches: [{ clientY: 100 }] });
    fireEvent.touchMove(log, { touches: [{ clientY: 160 }] });
    await grow(call, 700, 'two');
    expect(layout.top).toBe(400);
  });

  it('selecting text in the log releases the lock', async () => {
    const { layout, log, call, grow } = await streamingChat();
    await grow(call, 500, 'select me');
    act(() => {
      document.getSelection()?.selectAllChildren(log);
      document.dispatchEvent(new Event('selectionchange'));
    });
    await grow(call, 700, 'more');
    expect(layout.top).toBe(400);
    expect(jumpButton()).not.toBeNull();
  });

  it('scrolling back down to the bottom follows again', async () => {
    const { layout, log, call, grow, userScrollTo } = await streamingChat();
    await grow(call, 500, 'one');
    fireEvent.wheel(log, { deltaY: -40 });
    userScrollTo(100);
    expect(jumpButton()).not.toBeNull();
    userScrollTo(400);
    expect(jumpButton()).toBeNull();
    await grow(call, 800, 'two');
    expect(layout.top).toBe(700);
  });

  it('sending a new message returns to the bottom', async () => {
    const { layout, log, call, grow, ask, userScrollTo } = await streamingChat();
    await grow(call, 500, 'one');
    fireEvent.wheel(log, { deltaY: -40 });
    userScrollTo(0);
    call.body.close();
    await waitFor(() => expect(log.querySelector('[data-status="done"]')).not.toBeNull());
    layout.contentHeight = 600;
    await ask('Another');
    expect(layout.top).toBe(500);
    expect(jumpButton()).toBeNull();
  });
});

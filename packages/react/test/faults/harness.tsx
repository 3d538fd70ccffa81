/**
 * Set-up shared by the fault scenarios: guards that fail a scenario on any console error or
 * warning, unhandled rejection or leftover timer, frame or open stream, and a `<ChatWindow>` on a
 * scripted server with accessors for what the user sees.
 */
import { ChatWindow, type ChatWindowProps } from '@rivulet/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, type MockInstance, vi } from 'vitest';
import { installLeakCounter, type LeakCounter } from './leaks';
import { type Reply, scriptedFetch, type Wire } from './wire';

interface Guards {
  leaks: LeakCounter;
  consoleError: MockInstance;
  consoleWarn: MockInstance;
  rejections: unknown[];
}

/**
 * Registers the guards around every test of the file. `finish(unmount)` ends a scenario: it
 * unmounts, lets pending callbacks run, then asserts nothing leaked and nothing was logged.
 */
export function setUpFaultGuards() {
  let guards: Guards | undefined;
  let onRejection: ((reason: unknown) => void) | undefined;

  beforeEach(() => {
    const rejections: unknown[] = [];
    onRejection = (reason) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    guards = {
      leaks: installLeakCounter(),
      consoleError: vi.spyOn(console, 'error'),
      consoleWarn: vi.spyOn(console, 'warn'),
      rejections,
    };
  });

  afterEach(() => {
    guards?.leaks.restore();
    if (onRejection) process.off('unhandledRejection', onRejection);
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    guards = undefined;
  });

  function current(): Guards {
    if (!guards) throw new Error('guards are only available inside a test');
    return guards;
  }

  return {
    /** Count `wire` among the streams that must be released by the end. */
    track(wire: Wire): Wire {
      current().leaks.track(wire);
      return wire;
    },
    async finish(unmount: () => void): Promise<void> {
      const { leaks, consoleError, consoleWarn, rejections } = current();
      unmount();
      // Long enough for any frame, zero-delay timer or settled promise still in flight to run.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(leaks.outstanding()).toEqual({ timers: [], frames: 0, streams: [] });
      expect(consoleError).not.toHaveBeenCalled();
      expect(consoleWarn).not.toHaveBeenCalled();
      expect(rejections).toEqual([]);
    },
  };
}

/** A `<ChatWindow api="/api/chat">` whose requests get `replies` in order. */
export function renderChat(replies: Reply[], props: Partial<ChatWindowProps> = {}) {
  const server = scriptedFetch(replies);
  vi.stubGlobal('fetch', server.fetch);
  const user = userEvent.setup();
  const view = render(<ChatWindow api="/api/chat" {...props} />);
  return { ...view, user, requests: server.requests, ...chatAccessors(view.container, user) };
}

/** What the user sees in a chat window, and the actions they take. */
export function chatAccessors(container: HTMLElement, user: ReturnType<typeof userEvent.setup>) {
  const answers = () => [...container.querySelectorAll<HTMLElement>('[data-role="assistant"]')];
  const answer = (index = -1) => {
    const row = answers().at(index);
    if (!row) throw new Error('no answer row');
    return row;
  };
  return {
    answers,
    answer,
    /** The rendered text of an answer's Markdown (empty before the first token). */
    answerText: (index = -1) => answer(index).querySelector('.rivulet-markdown')?.textContent ?? '',
    errorRow: () => container.querySelector<HTMLElement>('[data-rivulet-error]'),
    /** Type a question and press Enter. */
    async ask(text: string) {
      await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`);
    },
    async clickRetry() {
      await user.click(screen.getByRole('button', { name: 'Retry' }));
    },
    async clickStop() {
      await user.click(screen.getByRole('button', { name: 'Stop generating' }));
    },
    /** Wait until the error row shows, and return its text. */
    async errorText(): Promise<string> {
      return waitFor(() => {
        const row = container.querySelector<HTMLElement>('[data-rivulet-error]');
        expect(row).not.toBeNull();
        return row?.textContent ?? '';
      });
    },
  };
}

/**
 * Resume in `<ChatWindow>`: a stream with SSE ids that drops is asked for again after its last id;
 * while it reconnects the row says so (`data-state="reconnecting"`, a visible line, one polite
 * announcement) and Stop aborts the wait; the answer ends exactly as an undropped one; when every
 * attempt fails the error row offers Retry with the partial answer kept. Nothing is left running.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderChat, setUpFaultGuards } from './harness';
import { createWire, openai } from './wire';

const guards = setUpFaultGuards();

const DELTAS = ['Resuming ', 'keeps ', 'every ', 'character: ', 'naïve ', '— ', '日本.'];
const FULL = DELTAS.join('');

/** The answer's events numbered from 1, as a server that supports resume sends them. */
const numbered = (events: string[], from = 1) => events.map((event, i) => `id: ${from + i}\n${event}`).join('');
const deltaEvents = DELTAS.map(openai.delta);
/** What the Markdown shows of the first `count` deltas (a trailing space renders as nothing). */
const shown = (count: number) => DELTAS.slice(0, count).join('').trimEnd();

describe('ChatWindow: resuming a dropped answer', () => {
  it('shows the reconnection, asks again after the last id, and ends with the undropped text', async () => {
    const first = guards.track(createWire('dropped answer'));
    const second = guards.track(createWire('resumed answer'));
    const chat = renderChat([{ body: first }, { body: second }], { resume: { delayMs: 20 } });
    await chat.ask('Tell me about resuming');
    first.send(numbered(deltaEvents.slice(0, 3)));
    await waitFor(() => expect(chat.answerText()).toBe(shown(3)));
    first.drop(new TypeError('network error'));

    await waitFor(() => expect(chat.answer().dataset.state).toBe('reconnecting'));
    expect(chat.answer().dataset.status).toBe('streaming');
    expect(chat.answer().getAttribute('aria-busy')).toBe('true');
    expect(chat.answer().querySelector('[data-rivulet-reconnecting]')?.textContent).toBe(
      'Connection lost. Reconnecting…',
    );
    expect(document.querySelector('[data-rivulet-announcer]')?.textContent).toBe('Connection lost. Reconnecting…');
    expect(chat.answerText()).toBe(shown(3));

    await waitFor(() => expect(chat.requests).toHaveLength(2));
    expect(chat.requests[1]?.json).toEqual({
      messages: [{ role: 'user', content: 'Tell me about resuming' }],
      lastEventId: '3',
    });
    second.send(numbered([...deltaEvents.slice(3), openai.finish()], 4));
    second.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answer().dataset.state).toBeUndefined();
    expect(chat.answerText()).toBe(FULL);
    expect(chat.errorRow()).toBeNull();
    await guards.finish(chat.unmount);
  });

  it('Stop while it waits to reconnect aborts everything: no new request, the answer stopped', async () => {
    const first = guards.track(createWire('dropped answer'));
    const chat = renderChat([{ body: first }], { resume: { delayMs: 200 } });
    await chat.ask('Go');
    first.send(numbered(deltaEvents.slice(0, 2)));
    await waitFor(() => expect(chat.answerText()).toBe(shown(2)));
    first.drop(new TypeError('network error'));
    await waitFor(() => expect(chat.answer().dataset.state).toBe('reconnecting'));

    await chat.clickStop();
    expect(chat.answer().dataset.status).toBe('aborted');
    expect(chat.answer().dataset.state).toBeUndefined();
    await act(() => new Promise((resolve) => setTimeout(resolve, 250)));
    expect(chat.requests).toHaveLength(1);
    expect(chat.answerText()).toBe(shown(2));
    await guards.finish(chat.unmount);
  });

  it('when every attempt fails: the error row with the partial answer, and Retry brings the whole answer', async () => {
    const first = guards.track(createWire('dropped answer'));
    const retried = guards.track(createWire('retried answer'));
    const down = { networkError: new TypeError('Failed to fetch') };
    const chat = renderChat([{ body: first }, down, down, { body: retried }], { resume: { attempts: 2, delayMs: 5 } });
    await chat.ask('Go');
    first.send(numbered(deltaEvents.slice(0, 4)));
    await waitFor(() => expect(chat.answerText()).toBe(shown(4)));
    first.drop(new TypeError('network error'));

    const error = await chat.errorText();
    expect(error).toContain('Failed to fetch');
    expect(chat.requests).toHaveLength(3);
    expect(chat.answer().dataset.status).toBe('error');
    expect(chat.answer().dataset.state).toBeUndefined();
    expect(chat.answerText()).toBe(shown(4));

    await chat.clickRetry();
    expect(chat.requests[3]?.json).toEqual({ messages: [{ role: 'user', content: 'Go' }] });
    retried.send(numbered([...deltaEvents, openai.finish()]));
    retried.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe(FULL);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await guards.finish(chat.unmount);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderChat } from './setup-chat';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function answerRow(container: HTMLElement, index = 0) {
  return container.querySelectorAll<HTMLElement>('[data-role="assistant"]')[index]!;
}

describe('ChatWindow: stopping', () => {
  it('the Stop button aborts the request, keeps the partial answer and returns focus to the composer', async () => {
    const { ask, user, composer, container } = renderChat();
    const call = await ask('Tell me a long story');
    call.body.push('Once upon a');
    await waitFor(() => expect(answerRow(container).textContent).toContain('Once upon a'));
    const stop = screen.getByRole('button', { name: 'Stop generating' });
    await user.click(stop);
    expect(call.signal.aborted).toBe(true);
    expect(answerRow(container).dataset.status).toBe('aborted');
    expect(answerRow(container).textContent).toContain('Once upon a');
    expect(within(answerRow(container)).getByText('Stopped')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stop generating' })).toBeNull();
    expect(document.activeElement).toBe(composer());
  });

  it('Escape anywhere in the window stops the answer', async () => {
    const { ask, user, container } = renderChat();
    const call = await ask('Hi');
    call.body.push('Partial');
    await waitFor(() => expect(answerRow(container).textContent).toContain('Partial'));
    screen.getByRole('log').focus();
    await user.keyboard('{Escape}');
    expect(call.signal.aborted).toBe(true);
    expect(answerRow(container).dataset.status).toBe('aborted');
  });

  it('Escape during an IME composition does not stop the answer', async () => {
    const { ask, composer } = renderChat();
    const call = await ask('Hi');
    const { fireEvent } = await import('@testing-library/react');
    fireEvent.keyDown(composer(), { key: 'Escape', isComposing: true });
    expect(call.signal.aborted).toBe(false);
  });

  it('stopping while still connecting aborts the request too', async () => {
    const { ask, user, container } = renderChat();
    const call = await ask('Hi');
    expect(within(answerRow(container)).getByText('Thinking…')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Stop generating' }));
    expect(call.signal.aborted).toBe(true);
    expect(answerRow(container).dataset.status).toBe('aborted');
  });
});

describe('ChatWindow: errors and retry', () => {
  it('shows an error row with the message and Retry; the partial answer stays until the new one replaces it', async () => {
    const { ask, user, container, calls } = renderChat();
    const call = await ask('Question');
    call.body.push('Partial ans');
    await waitFor(() => expect(answerRow(container).textContent).toContain('Partial ans'));
    call.body.fail(new TypeError('connection reset'));
    const errorRow = await waitFor(() => {
      const row = container.querySelector<HTMLElement>('[data-rivulet-error]');
      expect(row).toBeTruthy();
      return row!;
    });
    expect(errorRow.textContent).toContain('Error:');
    expect(errorRow.textContent).toContain('connection reset');
    expect(answerRow(container).dataset.status).toBe('error');
    expect(answerRow(container).textContent).toContain('Partial ans');
    expect(container.querySelector('[data-rivulet-announcer]')?.textContent).toContain('connection reset');

    await user.click(within(errorRow).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(container.querySelector('[data-rivulet-error]')).toBeNull();
    expect(container.querySelectorAll('[data-role="assistant"]')).toHaveLength(1);
    expect(answerRow(container).textContent).toContain('Partial ans');

    calls[1]?.body.push('Brand new answer');
    await waitFor(() => expect(answerRow(container).textContent).toContain('Brand new answer'));
    expect(answerRow(container).textContent).not.toContain('Partial ans');
    calls[1]?.body.close();
    await waitFor(() => expect(answerRow(container).dataset.status).toBe('done'));
  });

  it('offers Retry only on the last answer', async () => {
    const { ask, container } = renderChat();
    const first = await ask('One');
    // Some text first: a body that breaks before its first event is asked for again instead.
    first.body.push('Par');
    first.body.fail(new TypeError('down'));
    await waitFor(() => expect(container.querySelector('[data-rivulet-error]')).toBeTruthy());
    const second = await ask('Two');
    second.body.push('ok');
    second.body.close();
    await waitFor(() => expect(answerRow(container, 1).dataset.status).toBe('done'));
    expect(container.querySelector('[data-rivulet-error]')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});

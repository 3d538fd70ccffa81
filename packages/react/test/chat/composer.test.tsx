import { ChatWindow } from '@rivulet/react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../hooks/streams';
import { renderChat } from './setup-chat';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ChatWindow composer', () => {
  it('Enter sends and clears; focus stays in the composer', async () => {
    const { ask, composer } = renderChat();
    const call = await ask('Hello');
    expect(call.json()).toEqual({ messages: [{ role: 'user', content: 'Hello' }] });
    expect(composer()).toHaveProperty('value', '');
    expect(document.activeElement).toBe(composer());
  });

  it('Shift+Enter adds a new line and sends nothing', async () => {
    const { user, composer, fetch } = renderChat();
    await user.type(composer(), 'line one{Shift>}{Enter}{/Shift}line two');
    expect(composer()).toHaveProperty('value', 'line one\nline two');
    expect(fetch).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({
      messages: [{ role: 'user', content: 'line one\nline two' }],
    });
  });

  it('never sends while an IME composition is open (isComposing or keyCode 229)', async () => {
    const { user, composer, fetch } = renderChat();
    await user.type(composer(), 'にほんご');
    fireEvent.keyDown(composer(), { key: 'Enter', isComposing: true });
    fireEvent.keyDown(composer(), { key: 'Enter', keyCode: 229 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fetch).not.toHaveBeenCalled();
    expect(composer()).toHaveProperty('value', 'にほんご');
    fireEvent.keyDown(composer(), { key: 'Enter' });
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
  });

  it('disables Send while the text is empty and while an answer streams', async () => {
    const { user, composer, ask } = renderChat();
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toHaveProperty('disabled', true);
    await user.type(composer(), '   ');
    expect(send).toHaveProperty('disabled', true);
    await user.clear(composer());
    const call = await ask('Question');
    await user.type(composer(), 'Next question{Enter}');
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    // Enter while streaming sends nothing and keeps the draft.
    expect(composer()).toHaveProperty('value', 'Next question');
    call.body.close();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', false));
  });

  it('works controlled through input and onInputChange', async () => {
    const mock = mockFetch();
    vi.stubGlobal('fetch', mock.fetch);
    const user = userEvent.setup();
    const changes: string[] = [];
    render(<Controlled changes={changes} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(box).toHaveProperty('value', 'draft');
    await user.type(box, 'x');
    expect(box).toHaveProperty('value', 'DRAFTX');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(mock.calls).toHaveLength(1));
    expect(mock.calls[0]?.json()).toEqual({ messages: [{ role: 'user', content: 'DRAFTX' }] });
    expect(changes.at(-1)).toBe('');
  });

  it('starts from defaultInput when uncontrolled', () => {
    renderChat({ defaultInput: 'Prefilled' });
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('value', 'Prefilled');
  });

  it('grows with its content', async () => {
    const { user, composer } = renderChat();
    const box = composer() as HTMLTextAreaElement;
    box.style.border = '0';
    let contentHeight = 20;
    Object.defineProperty(box, 'scrollHeight', { configurable: true, get: () => contentHeight });
    await user.type(box, 'a');
    expect(box.style.height).toBe('20px');
    contentHeight = 60;
    await user.type(box, '{Shift>}{Enter}{/Shift}b');
    expect(box.style.height).toBe('60px');
  });
});

/** A composer controlled by its parent, which upper-cases every change. */
function Controlled({ changes }: { changes: string[] }) {
  const [input, setInput] = useState('draft');
  return (
    <ChatWindow
      api="/api/chat"
      input={input}
      onInputChange={(value) => {
        changes.push(value);
        setInput(value.toUpperCase());
      }}
    />
  );
}

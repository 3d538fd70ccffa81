import { ChatWindow, useChat } from '@rivulet/react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../hooks/streams';
import { renderChat } from './setup-chat';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function messageRows(container: HTMLElement) {
  return [...container.querySelectorAll<HTMLElement>('[data-role]')];
}

describe('ChatWindow: a conversation', () => {
  it('drops in with just api: sends the question, thinks, streams the answer, then announces it once', async () => {
    const { ask, container } = renderChat();
    const call = await ask('What is Rivulet?');
    expect(call.json()).toEqual({ messages: [{ role: 'user', content: 'What is Rivulet?' }] });

    const [question, answer] = messageRows(container);
    expect(question).toHaveProperty('dataset.role', 'user');
    expect(question?.textContent).toContain('What is Rivulet?');
    expect(answer?.dataset.role).toBe('assistant');
    expect(within(answer!).getByText('Thinking…')).toBeTruthy();
    expect(answer?.getAttribute('aria-busy')).toBe('true');
    expect(container.firstElementChild?.getAttribute('data-status')).toBe('connecting');

    call.body.push('A streaming ');
    await waitFor(() => expect(answer?.textContent).toContain('A streaming'));
    expect(within(answer!).queryByText('Thinking…')).toBeNull();
    expect(answer?.dataset.status).toBe('streaming');
    const announcer = container.querySelector('[data-rivulet-announcer]')!;
    expect(announcer.textContent).toBe('');

    call.body.push('chat library.');
    call.body.close();
    await waitFor(() => expect(answer?.dataset.status).toBe('done'));
    expect(answer?.hasAttribute('aria-busy')).toBe(false);
    expect(answer?.textContent).toContain('A streaming chat library.');
    expect(announcer.textContent).toBe('A streaming chat library.');
    expect(container.firstElementChild?.getAttribute('data-status')).toBe('done');
  });

  it('renders a log with a polite live region and a labelled composer', () => {
    renderChat();
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
  });

  it('shows reasoning in a collapsible section above the answer, and tool calls with their arguments', async () => {
    async function* events() {
      yield { type: 'reasoning' as const, delta: 'Weighing options.' };
      yield { type: 'text' as const, delta: 'Looking it up.' };
      yield { type: 'tool-call' as const, id: 'c1', name: 'search', argsDelta: '{"q":"riv' };
      yield { type: 'tool-call' as const, id: 'c1', argsDelta: 'ulet"}' };
    }
    const { user, composer, container } = renderChat({ send: () => events(), maxFps: 0 });
    await user.type(composer(), 'Go{Enter}');
    const answer = await waitFor(() => {
      const row = container.querySelector<HTMLElement>('[data-role="assistant"][data-status="done"]');
      expect(row).toBeTruthy();
      return row!;
    });
    const details = answer.querySelector('details')!;
    expect(details.querySelector('summary')?.textContent).toBe('Reasoning');
    expect(details.textContent).toContain('Weighing options.');
    expect(details.open).toBe(false);
    // Above the answer text.
    const text = within(answer).getByText('Looking it up.');
    expect(details.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const tool = answer.querySelector<HTMLElement>('[data-tool="search"]')!;
    expect(tool.textContent).toContain('Tool call: search');
    expect(tool.querySelector('code')?.textContent).toBe('{"q":"rivulet"}');
  });

  it('copies an answer to the clipboard and says so', async () => {
    const { ask, user } = renderChat();
    const call = await ask('Hi');
    call.body.push('Copy me');
    call.body.close();
    const copy = await screen.findByRole('button', { name: 'Copy' });
    await user.click(copy);
    expect(await navigator.clipboard.readText()).toBe('Copy me');
    expect(copy.textContent).toBe('Copied');
  });

  it('shows usage when asked to', async () => {
    async function* events() {
      yield { type: 'text' as const, delta: 'Short.' };
      yield { type: 'usage' as const, usage: { inputTokens: 10, outputTokens: 2 } };
    }
    const { user, composer, container } = renderChat({ send: () => events(), showUsage: true });
    await user.type(composer(), 'Go{Enter}');
    await waitFor(() =>
      expect(container.querySelector('[data-rivulet-usage]')?.textContent).toBe('10 tokens in · 2 out'),
    );
  });

  it('shares state with a custom layout through the chat prop', async () => {
    const mock = mockFetch();
    vi.stubGlobal('fetch', mock.fetch);
    render(<SharedLayout />);
    act(() => screen.getByRole('button', { name: 'Ask from outside' }).click());
    await waitFor(() => expect(mock.calls).toHaveLength(1));
    expect(screen.getByRole('log').textContent).toContain('From outside');
    mock.calls[0]?.body.push('Shared answer');
    mock.calls[0]?.body.close();
    await waitFor(() => expect(screen.getByTestId('outside-status').textContent).toBe('done'));
    expect(screen.getByRole('log').textContent).toContain('Shared answer');
  });
});

/** A custom layout sharing one conversation with the window. */
function SharedLayout() {
  const chat = useChat({ api: '/api/chat', maxFps: 0 });
  return (
    <>
      <button type="button" onClick={() => chat.send('From outside')}>
        Ask from outside
      </button>
      <output data-testid="outside-status">{chat.status}</output>
      <ChatWindow chat={chat} />
    </>
  );
}

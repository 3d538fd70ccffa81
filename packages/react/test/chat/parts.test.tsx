/**
 * The chat parts: a custom layout built from them works like the drop-in (send, stream, stop),
 * each part marks its state and composes the user's handlers; tools render by name, Markdown
 * elements can be overridden; regenerate and edit keep earlier answers as branches ("1/2").
 */
import type { StreamEvent } from '@rivulet/core';
import { Chat, type ChatToolRenderer, ChatWindow, useChatMessage } from '@rivulet/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../hooks/streams';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function stubFetch() {
  const mock = mockFetch();
  vi.stubGlobal('fetch', mock.fetch);
  return mock;
}

const rows = (container: HTMLElement, role: string) => [
  ...container.querySelectorAll<HTMLElement>(`.rivulet-message[data-role="${role}"]`),
];

function Author() {
  const message = useChatMessage();
  return <strong data-testid="author">{message.role === 'user' ? 'Me' : 'Bot'}</strong>;
}

function CustomLayout({ onSubmit }: { onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void }) {
  return (
    <Chat.Root api="/api/chat" maxFps={0}>
      <header data-testid="header">Support</header>
      <Chat.Messages>
        {(id, isLast) => (
          <Chat.Message id={id} isLast={isLast} data-testid="row">
            <Author />
            <Chat.MessageContent />
            <Chat.Actions />
          </Chat.Message>
        )}
      </Chat.Messages>
      <Chat.JumpToLatest />
      <Chat.Composer onSubmit={onSubmit} />
    </Chat.Root>
  );
}

describe('Chat parts: a custom layout', () => {
  it('sends, streams Markdown and stops like the drop-in, with the layout’s own elements', async () => {
    const mock = stubFetch();
    const user = userEvent.setup();
    const { container } = render(<CustomLayout />);
    const root = container.firstElementChild as HTMLElement;
    expect(screen.getByTestId('header').textContent).toBe('Support');
    expect(root.dataset.state).toBe('idle');

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Hello{Enter}');
    await waitFor(() => expect(mock.calls).toHaveLength(1));
    expect(root.dataset.state).toBe('busy');
    expect(screen.getByRole('log').dataset.state).toBe('busy');
    expect(screen.getAllByTestId('author').map((element) => element.textContent)).toEqual(['Me', 'Bot']);

    mock.calls[0]?.body.push('Some **bold** text');
    await waitFor(() =>
      expect(container.querySelector('[data-role="assistant"] strong:not([data-testid])')).toBeTruthy(),
    );
    const content = container.querySelector<HTMLElement>('[data-role="assistant"] .rivulet-message__content');
    expect(content?.dataset.state).toBe('streaming');

    // The stop button sits in the composer while the answer runs.
    await user.click(screen.getByRole('button', { name: 'Stop generating' }));
    expect(mock.calls[0]?.signal.aborted).toBe(true);
    const answer = rows(container, 'assistant')[0] as HTMLElement;
    expect(answer.dataset.status).toBe('aborted');
    expect(root.dataset.state).toBe('idle');
    expect(screen.queryByRole('button', { name: 'Stop generating' })).toBeNull();
    expect(within(answer).getByRole('button', { name: 'Copy' })).toBeTruthy();
  });

  it('runs the user’s handler first, and skips its own when the user prevented the default', async () => {
    const mock = stubFetch();
    const user = userEvent.setup();
    const onSubmit = vi.fn((event: React.FormEvent<HTMLFormElement>) => event.preventDefault());
    render(<CustomLayout onSubmit={onSubmit} />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Not sent');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(mock.calls).toHaveLength(0);
  });

  it('says where a part belongs when it is rendered outside the root or a message', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Chat.Composer />)).toThrow('Chat.Composer: render it inside <Chat.Root>');
    expect(() =>
      render(
        <Chat.Root api="/api/chat">
          <Chat.Actions />
        </Chat.Root>,
      ),
    ).toThrow('Chat.Actions: render it inside <Chat.Message>');
  });

  it('Chat.StopButton on its own shows only while an answer runs, and stops it', async () => {
    const mock = stubFetch();
    const user = userEvent.setup();
    render(
      <Chat.Root api="/api/chat" maxFps={0}>
        <Chat.Messages />
        <Chat.StopButton data-testid="stop" />
        <Chat.Composer />
      </Chat.Root>,
    );
    expect(screen.queryByTestId('stop')).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Go{Enter}');
    await waitFor(() => expect(mock.calls).toHaveLength(1));
    await user.click(screen.getByTestId('stop'));
    expect(mock.calls[0]?.signal.aborted).toBe(true);
    expect(screen.queryByTestId('stop')).toBeNull();
  });
});

/** A `send` whose answers are the given event lists, one per request. */
function scripted(...answers: StreamEvent[][]) {
  const requests: { text: string }[] = [];
  const send = vi.fn(async function* (messages: { role: string; content: string }[]) {
    requests.push({ text: messages.filter((m) => m.role === 'user').at(-1)?.content ?? '' });
    for (const event of answers[requests.length - 1] ?? [{ type: 'text', delta: 'no more answers' }]) yield event;
  });
  return { send, requests };
}

function OwnLink({ href, children }: { href?: string; children?: ReactNode }) {
  return (
    <a href={href} data-testid="own-link">
      {children}
    </a>
  );
}

describe('Chat parts: tools and Markdown overrides', () => {
  it('renders a tool by name with the app’s component, other tools with the default, each marked with its state', async () => {
    const { send } = scripted([
      { type: 'text', delta: 'Checking.' },
      { type: 'tool-call', id: 'w1', name: 'getWeather', argsDelta: '{"city":"Oslo"}' },
      { type: 'tool-call', id: 's1', name: 'search', argsDelta: '{"q":"rain' },
    ]);
    const weather: ChatToolRenderer = (part) => (
      <div data-testid="weather" data-state={part.state}>
        Weather for {(part.input as { city?: string } | undefined)?.city}
      </div>
    );
    const user = userEvent.setup();
    const { container } = render(<ChatWindow send={send} maxFps={0} tools={{ getWeather: weather }} />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Weather?{Enter}');
    await waitFor(() => expect(screen.getByTestId('weather').textContent).toBe('Weather for Oslo'));
    const fallback = container.querySelector<HTMLElement>('.rivulet-tool-call[data-tool="search"]');
    expect(fallback?.textContent).toContain('{"q":"rain');
    expect(container.querySelector('.rivulet-tool-call[data-tool="getWeather"]')).toBeNull();
    // In the order they arrived: the text, then the calls.
    const content = container.querySelector('[data-role="assistant"] .rivulet-message__content') as HTMLElement;
    const order = [...content.children].map((child) =>
      child.classList.contains('rivulet-markdown') ? 'text' : ((child as HTMLElement).dataset.testid ?? 'tool'),
    );
    expect(order).toEqual(['text', 'weather', 'tool']);
  });

  it('passes markdown props to every answer: an overridden link component', async () => {
    const { send } = scripted([{ type: 'text', delta: 'See [docs](https://example.com/docs).' }]);
    const user = userEvent.setup();
    render(<ChatWindow send={send} maxFps={0} markdown={{ components: { a: OwnLink } }} />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Docs?{Enter}');
    await waitFor(() => expect(screen.getByTestId('own-link').getAttribute('href')).toBe('https://example.com/docs'));
  });
});

describe('Chat parts: regenerate, edit and branches', () => {
  it('Regenerate asks again; the earlier answer stays as branch 1/2', async () => {
    const { send } = scripted([{ type: 'text', delta: 'First answer' }], [{ type: 'text', delta: 'Second answer' }]);
    const user = userEvent.setup();
    const { container } = render(<ChatWindow send={send} maxFps={0} />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Question{Enter}');
    await waitFor(() => expect(rows(container, 'assistant')[0]?.dataset.status).toBe('done'));

    await user.click(screen.getByRole('button', { name: 'Regenerate' }));
    await waitFor(() => expect(rows(container, 'assistant')[0]?.textContent).toContain('Second answer'));
    await waitFor(() => expect(rows(container, 'assistant')[0]?.dataset.status).toBe('done'));
    expect(rows(container, 'assistant')).toHaveLength(1);
    const switcher = screen.getByRole('group', { name: 'Versions' });
    expect(switcher.dataset.state).toBe('2/2');

    await user.click(within(switcher).getByRole('button', { name: 'Previous version' }));
    expect(rows(container, 'assistant')[0]?.textContent).toContain('First answer');
    expect(screen.getByRole('group', { name: 'Versions' }).dataset.state).toBe('1/2');
    expect(
      (
        within(screen.getByRole('group', { name: 'Versions' })).getByRole('button', {
          name: 'Previous version',
        }) as HTMLButtonElement
      ).disabled,
    ).toBe(true);
  });

  it('Edit reopens a question in place; saving sends the new text and keeps the old turn as a branch', async () => {
    const { send, requests } = scripted(
      [{ type: 'text', delta: 'About cats' }],
      [{ type: 'text', delta: 'About dogs' }],
    );
    const user = userEvent.setup();
    const { container } = render(<ChatWindow send={send} maxFps={0} />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Tell me about cats{Enter}');
    await waitFor(() => expect(rows(container, 'assistant')[0]?.dataset.status).toBe('done'));

    const question = rows(container, 'user')[0] as HTMLElement;
    await user.click(within(question).getByRole('button', { name: 'Edit' }));
    expect(question.dataset.state).toBe('editing');
    const box = within(question).getByRole('textbox', { name: 'Edit message' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Tell me about cats');
    // Escape closes the editor without stopping anything.
    await user.keyboard('{Escape}');
    expect(question.dataset.state).toBeUndefined();

    await user.click(within(question).getByRole('button', { name: 'Edit' }));
    const editor = within(rows(container, 'user')[0] as HTMLElement).getByRole('textbox', { name: 'Edit message' });
    await user.clear(editor);
    await user.type(editor, 'Tell me about dogs{Enter}');
    await waitFor(() => expect(rows(container, 'assistant')[0]?.textContent).toContain('About dogs'));
    expect(requests.map((request) => request.text)).toEqual(['Tell me about cats', 'Tell me about dogs']);
    expect(rows(container, 'user')[0]?.textContent).toContain('Tell me about dogs');
    await waitFor(() => expect(screen.getByRole('group', { name: 'Versions' }).dataset.state).toBe('2/2'));

    await user.click(screen.getByRole('button', { name: 'Previous version' }));
    expect(rows(container, 'user')[0]?.textContent).toContain('Tell me about cats');
    expect(rows(container, 'assistant')[0]?.textContent).toContain('About cats');
  });

  it('feedback buttons toggle, call onFeedback, and copy is offered on finished answers only', async () => {
    const { send } = scripted([{ type: 'text', delta: 'Helpful answer' }]);
    const onFeedback = vi.fn();
    const user = userEvent.setup();
    const { container } = render(<ChatWindow send={send} maxFps={0} onFeedback={onFeedback} />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Q{Enter}');
    await waitFor(() => expect(rows(container, 'assistant')[0]?.dataset.status).toBe('done'));
    const good = screen.getByRole('button', { name: 'Good response' });
    expect(good.getAttribute('aria-pressed')).toBe('false');
    await user.click(good);
    expect(screen.getByRole('button', { name: 'Good response' }).getAttribute('aria-pressed')).toBe('true');
    expect(onFeedback).toHaveBeenLastCalledWith(expect.objectContaining({ value: 'positive' }));
    await user.click(screen.getByRole('button', { name: 'Good response' }));
    expect(onFeedback).toHaveBeenLastCalledWith(expect.objectContaining({ value: undefined }));
    fireEvent.click(screen.getByRole('button', { name: 'Bad response' }));
    expect(onFeedback).toHaveBeenLastCalledWith(expect.objectContaining({ value: 'negative' }));
  });
});

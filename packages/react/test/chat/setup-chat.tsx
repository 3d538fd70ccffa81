/** Shared set-up for ChatWindow tests: a stubbed global fetch with hand-fed bodies. */
import { ChatWindow, type ChatWindowProps } from '@rivulet/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, vi } from 'vitest';
import { mockFetch } from '../hooks/streams';

export function renderChat(props: Partial<ChatWindowProps> = {}) {
  const mock = mockFetch();
  vi.stubGlobal('fetch', mock.fetch);
  const user = userEvent.setup();
  const view = render(<ChatWindow api="/api/chat" maxFps={0} {...props} />);
  const composer = () => screen.getByRole('textbox', { name: props.labels?.composer ?? 'Message' });
  /** Type a question, press Enter, wait for the request. */
  async function ask(text: string) {
    const before = mock.calls.length;
    await user.type(composer(), `${text}{Enter}`);
    await waitFor(() => expect(mock.calls).toHaveLength(before + 1));
    return mock.calls[before]!;
  }
  return { ...mock, ...view, user, composer, ask };
}

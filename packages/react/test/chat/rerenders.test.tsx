import { type ChatMessageInit, ChatWindow } from '@rivulet/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../hooks/streams';

// Count how often each message's Markdown renders, by its text, while delegating to the real one.
const markdownRenders = vi.hoisted(() => new Map<string, number>());
vi.mock('../../src/markdown/markdown', (importOriginal) =>
  import('./markdown-spy').then(({ spiedMarkdownModule }) =>
    spiedMarkdownModule(importOriginal, (props) => {
      const text = String(props.children ?? '');
      markdownRenders.set(text, (markdownRenders.get(text) ?? 0) + 1);
    }),
  ),
);

afterEach(() => {
  vi.unstubAllGlobals();
  markdownRenders.clear();
});

const history: ChatMessageInit[] = Array.from({ length: 20 }, (_, i) => ({
  role: i % 2 === 0 ? 'user' : 'assistant',
  content: i % 2 === 0 ? `Question ${i}` : `Finished answer ${i}`,
  status: i % 2 === 0 ? undefined : 'done',
}));

describe('ChatWindow: only the streaming message re-renders', () => {
  it('finished messages do not render again while another answer streams', async () => {
    const mock = mockFetch();
    vi.stubGlobal('fetch', mock.fetch);
    const user = userEvent.setup();
    let windowCommits = 0;
    render(
      <Profiler id="window" onRender={() => windowCommits++}>
        <ChatWindow api="/api/chat" maxFps={0} initialMessages={history} />
      </Profiler>,
    );
    expect(markdownRenders.get('Finished answer 1')).toBe(1);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Next{Enter}');
    await waitFor(() => expect(mock.calls).toHaveLength(1));
    const body = mock.calls[0]!.body;
    body.push('Streaming');
    await waitFor(() => expect(screen.getByRole('log').textContent).toContain('Streaming'));
    const commitsWhileStreaming = windowCommits;

    let sent = 'Streaming';
    for (let i = 0; i < 30; i++) {
      body.push(` ${i}`);
      sent += ` ${i}`;
      await waitFor(() => expect(markdownRenders.get(sent)).toBeGreaterThanOrEqual(1));
    }
    body.close();
    await waitFor(() => expect(screen.getByRole('log').querySelector('[data-status="streaming"]')).toBeNull());

    // Every finished answer rendered once, at mount; the previous last one once more when it
    // stopped being last (it no longer offers Retry), never per streamed update.
    for (let i = 1; i < 19; i += 2) expect(markdownRenders.get(`Finished answer ${i}`)).toBe(1);
    expect(markdownRenders.get('Finished answer 19')).toBeLessThanOrEqual(2);
    // The streaming answer rendered for its updates, and React committed for them.
    expect(markdownRenders.get(sent)).toBeGreaterThanOrEqual(1);
    expect(windowCommits - commitsWhileStreaming).toBeGreaterThanOrEqual(30);
  });
});

import { GrowingText, isGrowingText } from '@rivulet/core';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderChat } from './setup-chat';

// What each streaming Markdown was handed, while delegating to the real one.
const streamingChildren = vi.hoisted(() => [] as unknown[]);
vi.mock('../../src/markdown/markdown', (importOriginal) =>
  import('./markdown-spy').then(({ spiedMarkdownModule }) =>
    spiedMarkdownModule(importOriginal, (props) => {
      if (props.streaming) streamingChildren.push(props.children);
    }),
  ),
);

afterEach(() => {
  streamingChildren.length = 0;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ChatWindow: a streaming answer is read by what each update appended', () => {
  it('hands its Markdown the answer as a GrowingText, never reading the whole of it until it ends', async () => {
    const wholeReads = vi.spyOn(GrowingText.prototype, 'toString');
    const chat = renderChat();
    const { body } = await chat.ask('Hello?');
    let sent = '';
    for (let index = 0; index < 30; index++) {
      const piece = index % 5 === 4 ? ` **${index}**\n\n` : ` word${index}`;
      body.push(piece);
      sent += piece;
      await waitFor(() =>
        expect(screen.getByRole('log').textContent).toContain(`word${index - (index % 5 === 4 ? 1 : 0)}`),
      );
    }
    const whileStreaming = wholeReads.mock.calls.length;
    body.close();
    await waitFor(() => expect(screen.getByRole('log').querySelector('[data-status="streaming"]')).toBeNull());
    // At most the first update is read whole (all of it was new); then only the end reads it once.
    expect(streamingChildren.length).toBeGreaterThanOrEqual(30);
    expect(streamingChildren.filter((children) => !isGrowingText(children))).toEqual([]);
    expect(whileStreaming).toBeLessThanOrEqual(1);
    expect(wholeReads.mock.calls.length - whileStreaming).toBeLessThanOrEqual(1);
    const strong = [...screen.getByRole('log').querySelectorAll('strong')].map((element) => element.textContent);
    expect(strong).toEqual(['4', '9', '14', '19', '24', '29']);
    expect(sent).toContain('**29**');
  });
});

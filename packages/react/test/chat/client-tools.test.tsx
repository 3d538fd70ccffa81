/**
 * The drop-in `<ChatWindow>` runs a client tool loop with one more prop: `onToolCall` reaches the
 * chat (not the DOM), the tool's result goes back to `api` in the tool call's part, and the
 * continued answer shows in the same message.
 */
import { ChatWindow } from '@rivulet/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

/** An `api` fetch answering with NDJSON events: a tool call first, then text using the result. */
function toolServer() {
  const bodies: { messages: { role: string; parts?: unknown[] }[] }[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    const events =
      bodies.length === 1
        ? [{ type: 'tool-call', id: 'c1', name: 'get_local_time', argsDelta: '{"timezone":"UTC"}' }, { type: 'done' }]
        : [{ type: 'text', delta: 'It is **10:42**.' }, { type: 'done' }];
    return new Response(events.map((event) => `${JSON.stringify(event)}\n`).join(''), {
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
  });
  return { fetch, bodies };
}

it('runs onToolCall and shows the continued answer, without unknown props on the DOM', async () => {
  const consoleError = vi.spyOn(console, 'error');
  const server = toolServer();
  const onToolCall = vi.fn(() => '10:42');
  const { container } = render(
    <ChatWindow api="/api/chat" fetch={server.fetch} maxFps={0} onToolCall={onToolCall} maxSteps={2} />,
  );
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Message' }), 'What time is it?{Enter}');
  await waitFor(() => expect(container.querySelector('strong')?.textContent).toBe('10:42'));
  expect(onToolCall).toHaveBeenCalledTimes(1);
  expect(server.bodies[1]?.messages.at(-1)?.parts).toEqual([
    {
      type: 'tool-call',
      toolCallId: 'c1',
      toolName: 'get_local_time',
      input: { timezone: 'UTC' },
      state: 'output-available',
      output: '10:42',
    },
  ]);
  // One answer: the tool call and the text after it are in the same message.
  expect(container.querySelectorAll('[data-role="assistant"]')).toHaveLength(1);
  expect(consoleError).not.toHaveBeenCalled();
});

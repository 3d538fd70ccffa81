/**
 * Recipe: the real AI SDK `streamText(...).toUIMessageStreamResponse()` with a mock language model
 * (`ai/test`), served on 127.0.0.1 the way Next.js serves a route. The mock model stands in for the
 * provider: it streams the parts a provider adapter produces and reports its abort signal.
 */
import { StreamError } from '@rivulet/core';
import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatRoute } from '../ai-sdk-route';
import { within } from './fake-provider';
import { postChat, readAnswer, type Served, serveFetch } from './serve';

type StreamResult = Awaited<ReturnType<MockLanguageModelV3['doStream']>>;
type Part = StreamResult['stream'] extends ReadableStream<infer P> ? P : never;

const USAGE = {
  inputTokens: { total: 9, noCache: 9, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** A mock model streaming `deltas`; with `hold` it stops after the first delta until aborted. */
function mockModel(deltas: string[], options: { hold?: boolean; failWith?: string } = {}) {
  let resolveAborted: () => void = () => {};
  const aborted = new Promise<void>((resolve) => {
    resolveAborted = resolve;
  });
  const model = new MockLanguageModelV3({
    doStream: async ({ abortSignal }) => {
      abortSignal?.addEventListener('abort', resolveAborted);
      const parts: Part[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't1' },
        ...deltas.map((delta): Part => ({ type: 'text-delta', id: 't1', delta })),
      ];
      return {
        stream: new ReadableStream<Part>({
          start(controller) {
            for (const part of options.hold ? parts.slice(0, 3) : parts) controller.enqueue(part);
            if (options.hold) {
              // A provider's fetch fails with the abort; the mock does the same.
              abortSignal?.addEventListener('abort', () => controller.error(abortSignal.reason));
              return;
            }
            if (options.failWith) controller.enqueue({ type: 'error', error: new Error(options.failWith) });
            else {
              controller.enqueue({ type: 'text-end', id: 't1' });
              controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: USAGE });
            }
            controller.close();
          },
        }),
      };
    },
  });
  return { model, aborted };
}

const MESSAGES = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Say hello' },
];

let app: Served | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('AI SDK streamText route', () => {
  it('answers with a UI message stream that Rivulet reads as ai-sdk: text, usage and finish reason', async () => {
    const { model } = mockModel(['Hello', ' from ', 'the AI SDK']);
    app = await serveFetch(createChatRoute(model));
    const response = await postChat(app.url, MESSAGES);
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const answer = await readAnswer(response);
    expect(answer.error).toBeUndefined();
    expect(answer.text).toBe('Hello from the AI SDK');
    expect(answer.usage).toEqual({ inputTokens: 9, outputTokens: 5, totalTokens: 14 });
    expect(answer.finishReasons).toEqual(['stop']);
  });

  it("hands Rivulet's { role, content } messages to the model with the server's system prompt, never a browser's", async () => {
    const { model } = mockModel(['ok']);
    app = await serveFetch(createChatRoute(model, { system: 'You are Rivulet.' }));
    await (await postChat(app.url, MESSAGES)).text();
    expect(model.doStreamCalls[0]?.prompt).toEqual([
      { role: 'system', content: 'You are Rivulet.' },
      { role: 'user', content: [{ type: 'text', text: 'Say hello' }] },
    ]);
  });

  it('hands inline images to the model as image parts; a remote image URL is not passed on', async () => {
    const { model } = mockModel(['ok']);
    app = await serveFetch(createChatRoute(model));
    const pixel =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    await (
      await postChat(app.url, [
        {
          role: 'user',
          content: 'What is this?',
          parts: [
            { type: 'text', text: 'What is this?' },
            { type: 'file', mediaType: 'image/png', url: pixel },
            { type: 'file', mediaType: 'image/png', url: 'http://169.254.169.254/latest/meta-data' },
          ],
        },
      ])
    ).text();
    expect(model.doStreamCalls[0]?.prompt).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          {
            type: 'file',
            mediaType: 'image/png',
            data: pixel.split(',')[1],
            filename: undefined,
            providerOptions: undefined,
          },
        ],
      },
    ]);
  });

  it('aborts the model call when the client aborts, keeping the text received', async () => {
    const { model, aborted } = mockModel(['Hel', 'lo'], { hold: true });
    app = await serveFetch(createChatRoute(model));
    const client = new AbortController();
    const answer = await readAnswer(await postChat(app.url, MESSAGES, client.signal), {
      signal: client.signal,
      onEvent: (event) => event.type === 'text' && setTimeout(() => client.abort(), 10),
    });
    expect(answer.text).toBe('Hel');
    expect(answer.error).toMatchObject({ code: 'aborted' });
    await within(aborted, 2000, "the model's abort signal did not fire after the client aborted");
  });

  it("reports the model's error in-band, which Rivulet throws as 'provider' after the text", async () => {
    const { model } = mockModel(['Partial'], { failWith: 'Model overloaded' });
    // streamText logs the model's error on the server (its default onError).
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    app = await serveFetch(createChatRoute(model));
    const answer = await readAnswer(await postChat(app.url, MESSAGES));
    expect(answer.text).toBe('Partial');
    expect(answer.error).toBeInstanceOf(StreamError);
    expect(answer.error).toMatchObject({ code: 'provider' });
    expect((answer.error as StreamError).message).toContain('Model overloaded');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});

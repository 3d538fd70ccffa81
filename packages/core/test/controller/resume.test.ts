/**
 * Resume at the controller: a user `resume` function for any source, what it is told, what is
 * forgotten at a drop (events after the last id, which the server sends again), tool calls that
 * continue across connections, a stall as a drop, and the backoff between attempts.
 */
import { createStreamController, type ResumeContext, type StreamState } from '@rivulet/core';
import { describe, expect, it, vi } from 'vitest';
import { planResume } from '../../src/controller/resume';
import { answerEvents } from '../support/fake-server';

function until(controller: ReturnType<typeof createStreamController>, predicate: (s: StreamState) => boolean) {
  return new Promise<StreamState>((resolve) => {
    const check = () => {
      const state = controller.getSnapshot();
      if (!predicate(state)) return;
      unsubscribe();
      resolve(state);
    };
    const unsubscribe = controller.subscribe(check);
    check();
  });
}

const encoder = new TextEncoder();

/** A body that sends `chunks`, then breaks (or stalls forever with `stall`). */
function brokenBody(chunks: string[], end: 'drop' | 'stall' | 'close' = 'drop'): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) {
        controller.enqueue(encoder.encode(chunk));
        return;
      }
      if (end === 'close') controller.close();
      else if (end === 'drop') controller.error(new TypeError('network error'));
      else await new Promise(() => {});
    },
  });
}

const sse = (body: ReadableStream<Uint8Array>) =>
  new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
const toolChunk = (fragment: Record<string, unknown>) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [fragment] } }] })}\n\n`;

describe('resume through a user function', () => {
  it('gets the last event id, the text so far and a signal, and the answer ends whole', async () => {
    const events = answerEvents(['One ', 'two ', 'three ', 'four.']);
    const contexts: ResumeContext[] = [];
    const resume = vi.fn((context: ResumeContext) => {
      contexts.push(context);
      return sse(brokenBody(events.slice(Number(context.lastEventId)), 'close'));
    });
    const controller = createStreamController({ format: 'openai', maxFps: 0, resume: { source: resume, delayMs: 1 } });
    controller.start(sse(brokenBody(events.slice(0, 2))));
    const done = await until(controller, (s) => s.status === 'done');
    expect(done.text).toBe('One two three four.');
    expect(done.lastEventId).toBe(String(events.length));
    expect(contexts).toHaveLength(1);
    expect(contexts[0]).toMatchObject({ lastEventId: '2', text: 'One two ', attempt: 1 });
    expect(contexts[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('continues a stream without ids after the text received, when the function is given', async () => {
    const resume = vi.fn(({ text }: ResumeContext) =>
      sse(brokenBody([`data: ${'abcdef'.slice(text.length)}\n\n`], 'close')),
    );
    const options = { source: resume, delayMs: 1 };
    const controller = createStreamController({ format: 'sse', maxFps: 0, resume: options });
    controller.start(sse(brokenBody(['data: abc\n\n'])));
    const done = await until(controller, (s) => s.status === 'done');
    expect(done.text).toBe('abcdef');
    expect(resume.mock.calls[0]?.[0]).toMatchObject({ lastEventId: undefined, text: 'abc' });
  });

  it('is off without a way to reconnect, even when the stream carries ids', async () => {
    const controller = createStreamController({ format: 'openai', maxFps: 0 });
    controller.start(sse(brokenBody(answerEvents(['a', 'b', 'c']).slice(0, 2))));
    const failed = await until(controller, (s) => s.status === 'error');
    expect(failed).toMatchObject({ text: 'ab', reconnecting: false, error: { code: 'interrupted' } });
  });
});

describe('what a drop forgets and keeps', () => {
  it('events after the last id are forgotten at the drop and arrive once, from the replay', async () => {
    // Ids only every other event: the drop comes after event 4, the last id is 3.
    const events = ['One ', 'two ', 'three ', 'four ', 'five.'].map(
      (delta, i) =>
        `${i % 2 === 0 ? `id: ${i + 1}\n` : ''}data: ${JSON.stringify({ choices: [{ delta: { content: delta } }] })}\n\n`,
    );
    const replay = vi.fn(({ lastEventId }: ResumeContext) =>
      sse(brokenBody([...events.slice(Number(lastEventId)), 'data: [DONE]\n\n'], 'close')),
    );
    const controller = createStreamController({ format: 'openai', maxFps: 0, resume: { source: replay, delayMs: 1 } });
    controller.start(sse(brokenBody(events.slice(0, 4))));
    const done = await until(controller, (s) => s.status === 'done');
    expect(replay.mock.calls[0]?.[0]).toMatchObject({ lastEventId: '3', text: 'One two three ' });
    expect(done.text).toBe('One two three four five.');
  });

  it('an event the connection cut (no blank line after it) is not counted: the replay sends it whole', async () => {
    const events = answerEvents(['Alpha ', 'beta ', 'gamma.']);
    // The second event arrives without its closing blank line, then the connection drops.
    const cut = (events[1] as string).slice(0, -1);
    const replay = vi.fn(({ lastEventId }: ResumeContext) =>
      sse(brokenBody(events.slice(Number(lastEventId)), 'close')),
    );
    const controller = createStreamController({ format: 'openai', maxFps: 0, resume: { source: replay, delayMs: 1 } });
    controller.start(sse(brokenBody([events[0] as string, cut])));
    const done = await until(controller, (s) => s.status === 'done');
    expect(replay.mock.calls[0]?.[0].lastEventId).toBe('1');
    expect(done.text).toBe('Alpha beta gamma.');
  });

  it('tool call arguments continue across connections under the same call', async () => {
    const events = [
      toolChunk({ index: 0, id: 'call_7', type: 'function', function: { name: 'weather', arguments: '{"ci' } }),
      toolChunk({ index: 0, function: { arguments: 'ty": "Pa' } }),
      toolChunk({ index: 0, function: { arguments: 'ris"}' } }),
      `data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: 'tool_calls' }] })}\n\n`,
      'data: [DONE]\n\n',
    ].map((event, i) => `id: ${i + 1}\n${event}`);
    const replay = ({ lastEventId }: ResumeContext) => sse(brokenBody(events.slice(Number(lastEventId)), 'close'));
    const controller = createStreamController({ format: 'openai', maxFps: 0, resume: { source: replay, delayMs: 1 } });
    controller.start(sse(brokenBody(events.slice(0, 2))));
    const done = await until(controller, (s) => s.status === 'done');
    expect(done.toolCalls).toEqual([
      { id: 'call_7', name: 'weather', argsText: '{"city": "Paris"}', args: { city: 'Paris' } },
    ]);
    expect(done.finishReason).toBe('tool_calls');
  });

  it('a stall past idleTimeoutMs is a drop too', async () => {
    const events = answerEvents(['Slow ', 'but ', 'sure.']);
    const replay = vi.fn(({ lastEventId }: ResumeContext) =>
      sse(brokenBody(events.slice(Number(lastEventId)), 'close')),
    );
    const controller = createStreamController({
      format: 'openai',
      maxFps: 0,
      idleTimeoutMs: 40,
      resume: { source: replay, delayMs: 1 },
    });
    controller.start(sse(brokenBody(events.slice(0, 1), 'stall')));
    const done = await until(controller, (s) => s.status === 'done');
    expect(done.text).toBe('Slow but sure.');
    expect(replay).toHaveBeenCalledTimes(1);
  });

  it('a 503 while reconnecting is one more failed attempt; a 400 ends the answer', async () => {
    const events = answerEvents(['x', 'y', 'z']);
    const statuses = [503, 200];
    const replay = vi.fn(({ lastEventId }: ResumeContext) => {
      const status = statuses.shift() ?? 400;
      if (status !== 200) return new Response('{"error":{"message":"busy"}}', { status });
      return sse(brokenBody(events.slice(Number(lastEventId), 3)));
    });
    const controller = createStreamController({
      format: 'openai',
      maxFps: 0,
      resume: { source: replay, delayMs: 1, attempts: 5 },
    });
    controller.start(sse(brokenBody(events.slice(0, 1))));
    const failed = await until(controller, (s) => s.status === 'error');
    // 503 (retried), a resumed stream that drops again after progress, then a 400: final.
    expect(replay).toHaveBeenCalledTimes(3);
    expect(failed).toMatchObject({ text: 'xyz', error: { code: 'http', status: 400 } });
  });
});

describe('planResume', () => {
  const source = () => new Response('');
  it('backs off from delayMs by the factor, up to maxDelayMs', () => {
    const plan = planResume({ delayMs: 100, backoff: 3, maxDelayMs: 1000, source }, undefined, undefined);
    expect([1, 2, 3, 4].map((n) => plan?.delay(n))).toEqual([100, 300, 900, 1000]);
    expect(planResume(true, source, '4')?.attempts).toBe(3);
  });

  it('uses the run source only after an id; its own source always; never with false', () => {
    expect(planResume(undefined, source, undefined)).toBeUndefined();
    expect(planResume(undefined, source, '1')?.source).toBe(source);
    expect(planResume(source, undefined, undefined)?.source).toBe(source);
    expect(planResume(false, source, '1')).toBeUndefined();
  });
});

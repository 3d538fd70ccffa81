import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerDeltas, answerText, findAnswer, generateAnswer } from '../src/index';
import { createMockHandler, type MockHandler } from '../src/node';

let server: Server;
let handler: MockHandler;
let origin: string;

beforeAll(async () => {
  handler = createMockHandler();
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (query: string, init: RequestInit = {}) =>
  fetch(`${origin}/api/chat?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hello' }] }),
    ...init,
  });

const stats = async (run: string) =>
  ((await (await fetch(`${origin}/api/mock/stats`)).json()) as { runs: Record<string, Record<string, number>> }).runs[
    run
  ];

describe('createMockHandler', () => {
  it('streams an answer with the format content type and counts it completed', async () => {
    const response = await post('answer=short&format=anthropic&tps=0&run=complete');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await response.text();
    expect(text.startsWith('id: 1\nevent: message_start\n')).toBe(true);
    expect(text).toContain('event: message_stop');
    expect(await stats('complete')).toMatchObject({ started: 1, completed: 1, aborted: 0 });
  });

  it('takes controls from x-mock-* headers', async () => {
    const response = await post('run=headers', {
      headers: {
        'Content-Type': 'application/json',
        'x-mock-format': 'text',
        'x-mock-answer': 'short',
        'x-mock-tps': '0',
      },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toContain('array.at(-1)');
  });

  it('detects a client that aborts mid-stream and records it', async () => {
    const controller = new AbortController();
    const response = await post('scenario=slow&run=abort', { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await expect.poll(() => stats('abort'), { timeout: 2000 }).toMatchObject({ started: 1, aborted: 1, completed: 0 });
  });

  it('records the abort of a stalled stream too', async () => {
    const controller = new AbortController();
    const response = await post('scenario=stall&tps=0&run=stall', { signal: controller.signal });
    await response.body!.getReader().read();
    controller.abort();
    await expect.poll(() => stats('stall'), { timeout: 2000 }).toMatchObject({ aborted: 1 });
  });

  it('drops the connection mid-body, after delivering every byte written before', async () => {
    const response = await post('answer=short&format=text&dropAfter=5&tps=0&run=drop');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const read = async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
      }
    };
    await expect(read()).rejects.toThrow();
    const firstFive = answerDeltas(findAnswer('short')!)
      .slice(0, 5)
      .map((delta) => (delta.type === 'text' ? delta.delta : ''))
      .join('');
    expect(received).toBe(firstFive);
    expect(await stats('drop')).toMatchObject({ started: 1, dropped: 1 });
  });

  it('answers an HTTP error status with the provider JSON body', async () => {
    const response = await post('status=429&format=anthropic&run=http');
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(await stats('http')).toMatchObject({ started: 1, errored: 1 });
  });

  it('answers a question with an image attached as a file part', async () => {
    const image = { type: 'file', mediaType: 'image/png', url: `data:image/png;base64,${'A'.repeat(200_000)}` };
    const body = JSON.stringify({
      messages: [{ role: 'user', content: 'What is this?', parts: [{ type: 'text', text: 'What is this?' }, image] }],
    });
    const response = await post('answer=short&tps=0&format=text&run=file-part', { body });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(answerText(findAnswer('short')!));
    expect(await stats('file-part')).toMatchObject({ started: 1, completed: 1 });
  });

  it('rejects unknown controls with 400 and a message', async () => {
    const response = await post('scenario=typo');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('unknown scenario');
  });

  it('passes other paths to next() as middleware', async () => {
    let passed = false;
    const middleware = createMockHandler();
    const fake = { url: '/index.html', method: 'GET' } as never;
    middleware(fake, {} as never, () => {
      passed = true;
    });
    expect(passed).toBe(true);
  });
});

describe('faultLimit', () => {
  it('injects faults into the first N requests of a run only', async () => {
    const first = await (await post('scenario=error&tps=0&faultLimit=1&run=retry')).text();
    const second = await (await post('scenario=error&tps=0&faultLimit=1&run=retry')).text();
    expect(first).toContain('"error"');
    expect(first).not.toContain('[DONE]');
    expect(second).toContain('[DONE]');
    expect(second).not.toContain('"error"');
    expect(await stats('retry')).toMatchObject({ started: 2, errored: 1, completed: 1 });
  });
});

describe('size and JSON faults over HTTP', () => {
  it('counts a stream with a malformed event as errored, and a faultLimit retry as clean', async () => {
    const first = await (await post('scenario=invalid-json&tps=0&faultLimit=1&run=invalid-json')).text();
    const second = await (await post('scenario=invalid-json&tps=0&faultLimit=1&run=invalid-json')).text();
    expect(first).toContain('[DONE]');
    const data = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith('data: {'))
        .map((line) => line.slice(6));
    const parses = (line: string) => {
      try {
        JSON.parse(line);
        return true;
      } catch {
        return false;
      }
    };
    expect(data(first).filter((line) => !parses(line))).toHaveLength(1);
    expect(data(second).every(parses)).toBe(true);
    expect(await stats('invalid-json')).toMatchObject({ started: 2, errored: 1, completed: 1 });
  });

  it('streams the whole 5 MiB answer and the 1 MiB line through a socket', async () => {
    for (const [answer, run] of [
      ['huge', 'huge'],
      ['long-line', 'long-line'],
    ] as const) {
      const text = await (await post(`answer=${answer}&tps=0&format=text&run=${run}`)).text();
      expect(text).toBe(answerText(generateAnswer(answer)!));
      expect(await stats(run)).toMatchObject({ started: 1, completed: 1 });
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createMockStream, mockFetch, mockSend } from '../src/index';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}

describe('createMockStream', () => {
  it('streams the whole answer in the chosen format', async () => {
    const text = await readAll(createMockStream({ answer: 'short', format: 'text', tokensPerSecond: 2000 }));
    expect(text).toBe('Use `array.at(-1)` — it returns the **last element**, or `undefined` when the array is empty.');
  });

  it('delivers in several chunks over time, not all at once', async () => {
    // On the timer clock (fake timers): when each chunk arrives, whatever the machine's load.
    vi.useFakeTimers();
    try {
      const reader = createMockStream({ answer: 'short', format: 'text', tokensPerSecond: 500, jitter: 0 }).getReader();
      const started = Date.now();
      const arrivals: number[] = [];
      const reading = (async () => {
        while (!(await reader.read()).done) arrivals.push(Date.now() - started);
      })();
      await vi.runAllTimersAsync();
      await reading;
      expect(arrivals.length).toBeGreaterThan(10);
      expect(new Set(arrivals).size).toBeGreaterThan(10);
      expect(arrivals[arrivals.length - 1]).toBeGreaterThan(30);
    } finally {
      vi.useRealTimers();
    }
  });

  it('errors with a TypeError when the connection drops', async () => {
    await expect(readAll(createMockStream({ dropAfter: 3, tokensPerSecond: 0 }))).rejects.toThrow(TypeError);
  });
});

describe('mockFetch and mockSend', () => {
  it('answer HTTP errors with a status and JSON body', async () => {
    const response = await mockFetch({ status: 500 })('/api/chat', { method: 'POST', body: '{"messages":[]}' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { message: 'The mock server failed' } });
  });

  it('picks the answer from the posted messages', async () => {
    const response = await mockFetch({ format: 'text', tokensPerSecond: 0 })('/api/chat', {
      method: 'POST',
      body: JSON.stringify({ messages: [{ role: 'user', content: 'a short one please' }] }),
    });
    expect(await response.text()).toContain('array.at(-1)');
  });

  it('aborting the signal errors the body and stops a stalled stream', async () => {
    const controller = new AbortController();
    const response = await mockSend({ scenario: 'stall', tokensPerSecond: 0 })([], { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    setTimeout(() => controller.abort(), 20);
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'ended';
      })(),
    ).rejects.toThrow(/abort/i);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(mockSend()([], { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});

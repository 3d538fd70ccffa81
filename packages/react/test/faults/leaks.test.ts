/** The leak counter itself: it sees what is left pending, and forgets what ran or was cancelled. */
import { afterEach, describe, expect, it } from 'vitest';
import { installLeakCounter, type LeakCounter } from './leaks';
import { createWire } from './wire';

let counter: LeakCounter | undefined;
afterEach(() => counter?.restore());

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('leak counter', () => {
  it('counts timers until they fire or are cleared', async () => {
    counter = installLeakCounter();
    const pending = setTimeout(() => {}, 10_000);
    setTimeout(() => {}, 0);
    const interval = setInterval(() => {}, 1000);
    expect(counter.outstanding().timers.sort()).toEqual([0, 1000, 10_000]);
    await tick(10);
    expect(counter.outstanding().timers.sort()).toEqual([1000, 10_000]);
    clearTimeout(pending);
    clearInterval(interval);
    expect(counter.outstanding().timers).toEqual([]);
  });

  it('counts animation frames until they run or are cancelled', async () => {
    counter = installLeakCounter();
    requestAnimationFrame(() => {});
    const cancelled = requestAnimationFrame(() => {});
    expect(counter.outstanding().frames).toBe(2);
    cancelAnimationFrame(cancelled);
    expect(counter.outstanding().frames).toBe(1);
    await waitFrame();
    expect(counter.outstanding().frames).toBe(0);
  });

  it('reports tracked streams until they are cancelled or read to the end', async () => {
    counter = installLeakCounter();
    const cancelled = createWire('cancelled');
    const read = createWire('read');
    const abandoned = createWire('abandoned');
    for (const wire of [cancelled, read, abandoned]) counter.track(wire);
    expect(counter.outstanding().streams).toEqual(['cancelled', 'read', 'abandoned']);

    await cancelled.stream.cancel();
    read.send('data');
    read.close();
    const reader = read.stream.getReader();
    while (!(await reader.read()).done) {}
    const abandonedReader = abandoned.stream.getReader();
    abandoned.send('data');
    await abandonedReader.read();
    expect(counter.outstanding().streams).toEqual(['abandoned']);
  });

  it('puts the original functions back', () => {
    const original = globalThis.setTimeout;
    counter = installLeakCounter();
    expect(globalThis.setTimeout).not.toBe(original);
    counter.restore();
    expect(globalThis.setTimeout).toBe(original);
  });
});

function waitFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

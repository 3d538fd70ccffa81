import { Markdown } from '@rivulet/react';
import { render, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { highlightingBackend } from '../../src/markdown/highlighter';
import { FakeWorker, workerLog } from './fake-worker';

// The worker's code is bundled at build time; here the fake runs the same handler in-process.
vi.mock('../../src/markdown/highlight-worker-start', () => ({
  startHighlightWorker: () => new FakeWorker(),
}));

const mainThreadTokenizers = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/markdown/highlight-main-thread', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/markdown/highlight-main-thread')>();
  return {
    createMainThreadBackend: (...args: Parameters<typeof original.createMainThreadBackend>) => {
      mainThreadTokenizers.count += 1;
      return original.createMainThreadBackend(...args);
    },
  };
});

beforeAll(() => {
  vi.stubGlobal('Worker', FakeWorker);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('highlighting in a worker', () => {
  it('highlights a streamed code block through the worker, never on the main thread', async () => {
    const code = 'def greet(name):\n    return f"hello {name}"\n';
    const view = render(<Markdown streaming>{`\`\`\`python\n${code.slice(0, 20)}`}</Markdown>);
    view.rerender(<Markdown streaming>{`\`\`\`python\n${code}`}</Markdown>);
    view.rerender(<Markdown>{`\`\`\`python\n${code}\`\`\``}</Markdown>);
    const pre = view.container.querySelector('pre') as HTMLPreElement;
    await waitFor(() => expect(pre.querySelectorAll('.line span[style]').length).toBeGreaterThan(4));
    expect(pre.textContent).toBe(code);
    expect(highlightingBackend()).toBe('worker');
    expect(workerLog.started).toBe(1);
    expect(workerLog.messages).toEqual(expect.arrayContaining(['themes', 'language', 'tokenize']));
    expect(mainThreadTokenizers.count).toBe(0);
  });
});

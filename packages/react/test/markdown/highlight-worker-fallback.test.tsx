import { Markdown } from '@rivulet/react';
import { render, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { highlightingBackend } from '../../src/markdown/highlighter';
import { FakeWorker, workerLog } from './fake-worker';

vi.mock('../../src/markdown/highlight-worker-start', () => ({
  startHighlightWorker: () => new FakeWorker(),
}));

beforeAll(() => {
  FakeWorker.mode = 'broken';
  vi.stubGlobal('Worker', FakeWorker);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('highlighting when the worker cannot run', () => {
  it('falls back to the main thread and still highlights, with no error shown', async () => {
    const errors = vi.spyOn(console, 'error');
    const view = render(<Markdown>{'```ts\nconst answer: number = 42;\n```'}</Markdown>);
    const pre = view.container.querySelector('pre') as HTMLPreElement;
    await waitFor(() => expect(pre.querySelectorAll('.line span[style]').length).toBeGreaterThan(2), {
      timeout: 5000,
    });
    expect(pre.textContent).toBe('const answer: number = 42;\n');
    expect(highlightingBackend()).toBe('main-thread');
    expect(workerLog.started).toBe(1);
    expect(workerLog.terminated).toBe(1);
    expect(errors).not.toHaveBeenCalled();
  });
});

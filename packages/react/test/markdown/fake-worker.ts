/**
 * An in-process stand-in for the highlighting worker, for jsdom (which has no `Worker`): runs the
 * real message handler asynchronously, with every message structured-cloned both ways as a
 * real worker would. `mode: 'broken'` fails like a worker blocked by a Content Security Policy.
 */

import { createWorkerHandler } from '../../src/markdown/highlight-worker';

export const workerLog = { started: 0, messages: [] as string[], terminated: 0 };

export class FakeWorker extends EventTarget {
  static mode: 'working' | 'broken' = 'working';
  private readonly handle = createWorkerHandler((message) => {
    const data = structuredClone(message);
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })), 0);
  });
  private chain = Promise.resolve();

  constructor() {
    super();
    workerLog.started += 1;
    if (FakeWorker.mode === 'broken') setTimeout(() => this.dispatchEvent(new Event('error')), 0);
  }

  postMessage(message: Parameters<typeof this.handle>[0]): void {
    workerLog.messages.push(message.type);
    if (FakeWorker.mode === 'broken') return;
    const data = structuredClone(message);
    this.chain = this.chain.then(() => this.handle(data));
  }

  terminate(): void {
    workerLog.terminated += 1;
  }
}

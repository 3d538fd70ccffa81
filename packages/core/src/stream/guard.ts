/**
 * Guards the reads of one stream against an abort signal and an idle timeout. The idle timer runs
 * only while a read is pending, so a slow consumer never counts as a stalled server. On failure
 * the pending read is rejected at once and `onFail` cancels the source.
 */

import { StreamError } from './errors';

export class ReadGuard {
  /** Set once the stream was aborted or timed out. */
  failure: StreamError | undefined;
  private readonly signal: AbortSignal | undefined;
  private readonly idleTimeoutMs: number;
  private readonly onFail: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rejectPending: ((error: StreamError) => void) | undefined;

  constructor(signal: AbortSignal | undefined, idleTimeoutMs: number, onFail: () => void) {
    this.signal = signal;
    this.idleTimeoutMs = idleTimeoutMs > 0 && Number.isFinite(idleTimeoutMs) ? idleTimeoutMs : 0;
    this.onFail = onFail;
    if (signal?.aborted) this.onAbort();
    else signal?.addEventListener('abort', this.onAbort);
  }

  /** Throws the abort or timeout that ended the stream, if any. */
  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Throws if the consumer aborted: from then on nothing more is delivered. */
  throwIfAborted(): void {
    if (this.failure?.code === 'aborted') throw this.failure;
  }

  /** Resolves with `read`, unless the signal aborts or the idle timeout passes first. */
  race<T>(read: Promise<T>): Promise<T> {
    if (this.failure) {
      // The read was already started; its own rejection (e.g. the fetch's AbortError) must not
      // surface as an unhandled rejection once we have given up on it.
      read.catch(() => {});
      return Promise.reject(this.failure);
    }
    return new Promise<T>((resolve, reject) => {
      this.rejectPending = reject;
      if (this.idleTimeoutMs > 0) {
        this.timer = setTimeout(() => {
          this.fail(new StreamError('timeout', `No data received for ${this.idleTimeoutMs} ms (idleTimeoutMs)`));
        }, this.idleTimeoutMs);
      }
      read.then(
        (value) => {
          this.settle();
          resolve(value);
        },
        (error: unknown) => {
          this.settle();
          reject(error);
        },
      );
    });
  }

  /** Removes the abort listener and any timer. */
  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.settle();
  }

  private readonly onAbort = (): void => {
    this.fail(new StreamError('aborted', 'Stream aborted', { cause: this.signal?.reason }));
  };

  private fail(error: StreamError): void {
    if (this.failure) return;
    this.failure = error;
    const reject = this.rejectPending;
    this.settle();
    this.onFail();
    reject?.(error);
  }

  private settle(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.rejectPending = undefined;
  }
}

/**
 * The one error type of Rivulet's stream layer. Users switch on `code`; `cause` keeps the original.
 */

export type StreamErrorCode = 'aborted' | 'timeout' | 'interrupted' | 'http' | 'parse' | 'provider';

export interface StreamErrorOptions {
  status?: number;
  cause?: unknown;
}

/**
 * Thrown by `readStream` (and stored by `useStream`) when a stream fails. Always thrown after
 * every text delta received before the failure was yielded.
 */
export class StreamError extends Error {
  override readonly name = 'StreamError';
  readonly code: StreamErrorCode;
  /** HTTP status, for `code === 'http'`. */
  readonly status?: number;

  constructor(code: StreamErrorCode, message: string, options: StreamErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
  }
}

/** True when `value` is a `StreamError` (also across bundle copies). */
export function isStreamError(value: unknown): value is StreamError {
  return (
    value instanceof StreamError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'StreamError')
  );
}

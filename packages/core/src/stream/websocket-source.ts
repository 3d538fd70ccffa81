/**
 * Reads a WebSocket as a chunk source: each message is one chunk (text, ArrayBuffer, Blob or
 * Node Buffer). A clean close (1000, or no status) ends the stream; any other close, or an
 * `error` event, throws `'interrupted'` after the messages already received. Once the answer is
 * complete the socket stays open (its owner may send the next turn); when reading stops early
 * (abort, idle timeout, a failure, the consumer leaving) it is closed. Works with any object with
 * the browser WebSocket API, such as the `ws` package's client.
 */

import { StreamError } from './errors';
import type { ChunkSource } from './sources';

interface MessageEventLike {
  data: unknown;
}

interface CloseEventLike {
  code?: number;
  reason?: string;
}

const CLOSING = 2;

export function openWebSocket(socket: WebSocket): ChunkSource {
  const queue: Array<unknown | Promise<unknown>> = [];
  let ended = false;
  let failure: StreamError | undefined;
  let wake: (() => void) | undefined;

  function notify(): void {
    const resume = wake;
    wake = undefined;
    resume?.();
  }

  const onMessage = (event: Event): void => {
    const data = (event as unknown as MessageEventLike).data;
    const blob = data as { arrayBuffer?: () => Promise<ArrayBuffer> };
    // A Blob is read asynchronously; queueing its promise keeps messages in order.
    queue.push(typeof blob?.arrayBuffer === 'function' ? blob.arrayBuffer() : data);
    notify();
  };
  const onClose = (event: Event): void => {
    const { code, reason } = event as unknown as CloseEventLike;
    if (code !== undefined && code !== 1000 && code !== 1005) {
      failure ??= new StreamError('interrupted', `WebSocket closed with code ${code}${reason ? `: ${reason}` : ''}`, {
        cause: event,
      });
    }
    ended = true;
    notify();
  };
  const onError = (event: Event): void => {
    failure ??= new StreamError('interrupted', 'WebSocket error', { cause: event });
    ended = true;
    notify();
  };

  socket.addEventListener('message', onMessage);
  socket.addEventListener('close', onClose);
  socket.addEventListener('error', onError);
  if (socket.readyState >= CLOSING) {
    failure = new StreamError('interrupted', 'WebSocket is already closed');
    ended = true;
  }

  function detach(): void {
    socket.removeEventListener('message', onMessage);
    socket.removeEventListener('close', onClose);
    socket.removeEventListener('error', onError);
  }

  return {
    contentType: undefined,
    formatHint: undefined,
    isMessageFramed: true,
    async next() {
      while (queue.length === 0 && !ended) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      if (queue.length > 0) return { done: false, value: await queue.shift() };
      detach();
      if (failure) throw failure;
      return { done: true, value: undefined };
    },
    release(mode) {
      detach();
      ended = true;
      // After the terminal event the socket stays open: its owner may use it for the next turn.
      if (mode === 'cancel' && socket.readyState < CLOSING) socket.close(1000);
      notify();
    },
  };
}

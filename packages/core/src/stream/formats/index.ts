/**
 * The format registry: which decoder reads a format, and with which framing.
 */

import { StreamError } from '../errors';
import type { FormatAdapter, StreamFormat } from '../types';
import { createAutoDecoder } from './auto';
import { createBuiltInDecoder, FACTORIES } from './registry';
import { type FormatDecoder, type Framing, truncateLine } from './shared';

/** Throws a `TypeError` naming the call when `format` is not a known format or an adapter. */
export function assertFormat(format: unknown): asserts format is StreamFormat {
  if (typeof format === 'function') return;
  if (format === 'auto' || (typeof format === 'string' && Object.hasOwn(FACTORIES, format))) return;
  throw new TypeError(
    `[rivulet] readStream: unknown format ${JSON.stringify(format)}; expected 'auto', ${Object.keys(FACTORIES)
      .map((name) => `'${name}'`)
      .join(', ')} or a FormatAdapter function`,
  );
}

/** The framing a format fixes; undefined when it must be detected (JSON formats and `'auto'`). */
export function fixedFraming(format: StreamFormat): Framing | undefined {
  if (typeof format === 'function') return format.framing ?? 'sse';
  if (format === 'auto') return undefined;
  return createBuiltInDecoder(format).framing;
}

/** A decoder for `format` once the stream's framing is known. */
export function createDecoder(format: StreamFormat, framing: Framing): FormatDecoder {
  if (typeof format === 'function') return createAdapterDecoder(format);
  if (format === 'auto') return createAutoDecoder(framing);
  return createBuiltInDecoder(format);
}

function createAdapterDecoder(adapter: FormatAdapter): FormatDecoder {
  return {
    name: adapter.name || 'custom',
    framing: adapter.framing ?? 'sse',
    terminal: adapter.terminal ? 'done' : undefined,
    decode(event, emit) {
      let events: ReturnType<FormatAdapter>;
      try {
        events = adapter(event);
      } catch (cause) {
        if (cause instanceof StreamError) throw cause;
        throw new StreamError('parse', `Format adapter failed on event: ${truncateLine(event.data)}`, { cause });
      }
      for (const streamEvent of events ?? []) emit(streamEvent);
    },
  };
}

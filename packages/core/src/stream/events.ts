/**
 * Recognises values already shaped like a `StreamEvent` (objects yielded by an async iterable
 * source, or generic NDJSON lines) and copies only the known fields.
 */

import type { StreamEvent, StreamUsage } from './types';

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function usageOf(value: unknown): StreamUsage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const usage: StreamUsage = {};
  const input = optionalNumber(record.inputTokens);
  const output = optionalNumber(record.outputTokens);
  const total = optionalNumber(record.totalTokens);
  if (input !== undefined) usage.inputTokens = input;
  if (output !== undefined) usage.outputTokens = output;
  if (total !== undefined) usage.totalTokens = total;
  return usage;
}

/** The `StreamEvent` `value` describes, or undefined when it is not one. */
export function asStreamEvent(value: unknown): StreamEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  switch (record.type) {
    case 'text':
    case 'reasoning':
      return typeof record.delta === 'string' ? { type: record.type, delta: record.delta } : undefined;
    case 'tool-call': {
      if (typeof record.id !== 'string' || typeof record.argsDelta !== 'string') return undefined;
      return typeof record.name === 'string'
        ? { type: 'tool-call', id: record.id, name: record.name, argsDelta: record.argsDelta }
        : { type: 'tool-call', id: record.id, argsDelta: record.argsDelta };
    }
    case 'source': {
      if (typeof record.url !== 'string') return undefined;
      const source: Extract<StreamEvent, { type: 'source' }> = { type: 'source', url: record.url };
      if (typeof record.title === 'string') source.title = record.title;
      if (typeof record.id === 'string') source.id = record.id;
      return source;
    }
    case 'file':
      return typeof record.mediaType === 'string' && typeof record.url === 'string'
        ? { type: 'file', mediaType: record.mediaType, url: record.url }
        : undefined;
    case 'usage': {
      const usage = usageOf(record.usage);
      return usage ? { type: 'usage', usage } : undefined;
    }
    case 'done':
      return typeof record.finishReason === 'string'
        ? { type: 'done', finishReason: record.finishReason }
        : { type: 'done' };
    default:
      return undefined;
  }
}

/**
 * Format detection for `'auto'` (and framing detection for JSON formats): first the Content-Type,
 * then the first bytes, then the first event. Every decision waits until more input could not
 * change it, so detection never depends on where chunk boundaries fall.
 */

import type { Framing } from './formats/shared';
import type { BuiltInFormat, RawEvent } from './types';

const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines'];

/** The framing a Content-Type announces, if it announces one. */
export function framingFromContentType(contentType: string | undefined): Framing | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType) return undefined;
  if (mediaType === 'text/event-stream') return 'sse';
  if (NDJSON_TYPES.includes(mediaType)) return 'ndjson';
  if (mediaType === 'text/plain') return 'text';
  return undefined;
}

const SSE_FIELDS = ['data:', 'event:', 'id:', 'retry:'];

/** Drops what may precede the first meaningful character: a BOM and blank space. */
function meaningful(head: string): string {
  return head.replace(/^[\uFEFF\s]+/, '');
}

/**
 * The framing of a stream of unknown kind, from its first characters; undefined while more text
 * is needed. SSE starts with a field or a comment, NDJSON with `{`, anything else is text.
 */
export function sniffFraming(head: string, isEnd: boolean): Framing | undefined {
  const start = meaningful(head);
  if (start === '') return isEnd ? 'text' : undefined;
  if (start.startsWith('{')) return 'ndjson';
  if (start.startsWith(':')) return 'sse';
  for (const field of SSE_FIELDS) {
    if (start.startsWith(field)) return 'sse';
    if (field.startsWith(start)) return isEnd ? 'text' : undefined;
  }
  return 'text';
}

/** The framing of a JSON-event format: NDJSON when the stream opens with `{`, else SSE. */
export function sniffJsonFraming(head: string, isEnd: boolean): Framing | undefined {
  const start = meaningful(head);
  if (start === '') return isEnd ? 'sse' : undefined;
  return start.startsWith('{') ? 'ndjson' : 'sse';
}

const ANTHROPIC_TYPES = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
  'ping',
]);

const COHERE_TYPES = new Set([
  'message-start',
  'content-start',
  'content-delta',
  'content-end',
  'tool-plan-delta',
  'tool-call-start',
  'tool-call-delta',
  'tool-call-end',
  'citation-start',
  'citation-end',
  'message-end',
]);

const AI_SDK_TYPES = new Set([
  'start',
  'start-step',
  'finish-step',
  'finish',
  'abort',
  'text-start',
  'text-delta',
  'text-end',
  'reasoning-start',
  'reasoning-delta',
  'reasoning-end',
  'tool-input-start',
  'tool-input-delta',
  'tool-input-available',
  'tool-output-available',
  'source-url',
  'source-document',
  'file',
  'message-metadata',
]);

export type EventClass = Exclude<BuiltInFormat, 'auto' | 'text' | 'sse' | 'ndjson'> | 'error';

/**
 * The provider format the first event belongs to; `'error'` for an in-band error that names no
 * provider; undefined for anything else (generic SSE or NDJSON).
 */
export function classifyEvent(event: RawEvent): EventClass | undefined {
  const name = event.event;
  if (name !== undefined) {
    if (ANTHROPIC_TYPES.has(name)) return 'anthropic';
    if (name.startsWith('response.')) return 'openai-responses';
    if (COHERE_TYPES.has(name)) return 'cohere';
  }
  if (!event.data.trimStart().startsWith('{')) return name === 'error' ? 'error' : undefined;
  let value: unknown;
  try {
    value = JSON.parse(event.data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const type = typeof record.type === 'string' ? record.type : undefined;
  if (type !== undefined) {
    if (ANTHROPIC_TYPES.has(type)) return 'anthropic';
    if (type.startsWith('response.')) return 'openai-responses';
    if (COHERE_TYPES.has(type)) return 'cohere';
    if (AI_SDK_TYPES.has(type) || type.startsWith('data-')) return 'ai-sdk';
  }
  if (Array.isArray(record.choices) || record.object === 'chat.completion.chunk') return 'openai';
  if ('candidates' in record || 'usageMetadata' in record || 'promptFeedback' in record) return 'gemini';
  if (typeof record.model === 'string' && 'done' in record && ('message' in record || 'response' in record)) {
    return 'ollama';
  }
  if (type === 'error' || name === 'error' || (record.error !== undefined && record.error !== null)) return 'error';
  return undefined;
}

/**
 * What every format decoder shares: the decoder contract, JSON parsing that fails with the offending
 * line, provider error messages, and usage accumulation (usage is reported once, just before `done`).
 */

import { StreamError } from '../errors';
import type { RawEvent, StreamEvent, StreamUsage } from '../types';

/** How the bytes of a stream are cut into raw events. */
export type Framing = 'sse' | 'ndjson' | 'text';

/** Receives the events a decoder produces. */
export type Emit = (event: StreamEvent) => void;

/**
 * One stateful decoder per stream. Maps each raw event to `StreamEvent`s; throws `StreamError`
 * (`'parse'` or `'provider'`) on bad input. Emitting `done` ends the stream.
 */
export interface FormatDecoder {
  /** Format name used in error messages. */
  readonly name: string;
  /** Fixed framing; undefined for JSON formats, whose framing (SSE or NDJSON) is sniffed. */
  readonly framing: Framing | undefined;
  /** Names the terminal event when one must arrive before the stream ends; undefined otherwise. */
  readonly terminal: string | undefined;
  decode(event: RawEvent, emit: Emit): void;
}

const MAX_LINE_IN_MESSAGE = 200;

/** Shortens a line for an error message, saying how long it really was. */
export function truncateLine(line: string): string {
  if (line.length <= MAX_LINE_IN_MESSAGE) return line;
  return `${line.slice(0, MAX_LINE_IN_MESSAGE)}… (${line.length} characters)`;
}

/** Parses one event's JSON; throws `StreamError('parse')` quoting the line. */
export function parseJson(data: string, format: string): unknown {
  try {
    return JSON.parse(data);
  } catch (cause) {
    throw new StreamError('parse', `Invalid JSON in ${format} event: ${truncateLine(data)}`, { cause });
  }
}

/** Parses one event's JSON and requires an object. */
export function parseObject(data: string, format: string): Record<string, unknown> {
  const value = parseJson(data, format);
  if (!isRecord(value)) {
    throw new StreamError('parse', `Expected a JSON object in ${format} event: ${truncateLine(data)}`);
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The human message of an in-band or HTTP error body, in the shapes providers use:
 * `{error: {message}}`, `{error: "..."}`, `{message}`, `{errorText}`, `{detail}`.
 */
export function errorMessageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body || undefined;
  const record = asRecord(body);
  if (!record) return undefined;
  const error = record.error;
  if (typeof error === 'string' && error) return error;
  const nested = asRecord(error);
  if (nested) {
    const message = asString(nested.message) ?? asString(nested.type) ?? asString(nested.code);
    if (message) return message;
  }
  const direct = asString(record.errorText) ?? asString(record.message) ?? asString(record.detail);
  if (direct) return direct;
  const detail = record.detail;
  if (Array.isArray(detail)) {
    const first = asRecord(detail[0]);
    const message = first && (asString(first.msg) ?? asString(first.message));
    if (message) return message;
  }
  return undefined;
}

/** Throws the `'provider'` error for an in-band error event. */
export function throwProviderError(format: string, body: unknown, fallback = 'error event'): never {
  const message = errorMessageOf(body) ?? fallback;
  throw new StreamError('provider', `${format} error: ${message}`, { cause: body });
}

/** Collects usage reported piecemeal (input in one event, output in a later one). */
export class UsageAccumulator {
  private usage: StreamUsage = {};
  private seen = false;

  /** Merges the defined fields of `usage` over what was reported before. */
  set(usage: StreamUsage): void {
    for (const key of ['inputTokens', 'outputTokens', 'totalTokens'] as const) {
      const value = usage[key];
      if (value !== undefined) {
        this.usage[key] = value;
        this.seen = true;
      }
    }
  }

  /** Emits the usage (total computed when the provider left it out), if any was reported. */
  flush(emit: Emit): void {
    if (!this.seen) return;
    const usage = { ...this.usage };
    if (usage.totalTokens === undefined && usage.inputTokens !== undefined && usage.outputTokens !== undefined) {
      usage.totalTokens = usage.inputTokens + usage.outputTokens;
    }
    emit({ type: 'usage', usage });
    this.seen = false;
  }
}

/** Emits a text delta unless it is empty. */
export function emitText(emit: Emit, delta: unknown): void {
  if (typeof delta === 'string' && delta !== '') emit({ type: 'text', delta });
}

/** Emits a reasoning delta unless it is empty. */
export function emitReasoning(emit: Emit, delta: unknown): void {
  if (typeof delta === 'string' && delta !== '') emit({ type: 'reasoning', delta });
}

/** Emits `done`, with the provider's finish reason when it gave one. */
export function emitDone(emit: Emit, finishReason: string | undefined): void {
  emit(finishReason === undefined ? { type: 'done' } : { type: 'done', finishReason });
}

/** Emits a source when `url` is a non-empty string (a title and id only when they are strings). */
export function emitSource(emit: Emit, url: unknown, title?: unknown, id?: unknown): void {
  if (typeof url !== 'string' || url === '') return;
  const source: Extract<StreamEvent, { type: 'source' }> = { type: 'source', url };
  if (typeof title === 'string' && title !== '') source.title = title;
  if (typeof id === 'string' && id !== '') source.id = id;
  emit(source);
}

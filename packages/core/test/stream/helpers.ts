/**
 * Test helpers for stream reading: fixture loading, re-chunked sources and a summary of the
 * events a read produced (what a UI would show).
 */

import { readFileSync } from 'node:fs';
import {
  type ReadStreamOptions,
  readStream,
  type StreamEvent,
  type StreamSource,
  type StreamUsage,
} from '@rivulet/core';

const FIXTURES = new URL('../fixtures/stream/', import.meta.url);
/** Recorded provider variants (shapes beyond each format's main transcript). */
const VARIANT_FIXTURES = new URL('./fixtures/', import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export function variantFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, VARIANT_FIXTURES)));
}

export function fixtureText(name: string): string {
  return new TextDecoder().decode(fixtureBytes(name));
}

const encoder = new TextEncoder();

export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Cuts `bytes` at the given offsets (sorted, deduplicated, out-of-range ignored). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < bytes.length))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.slice(start, point));
    start = point;
  }
  chunks.push(bytes.slice(start));
  return chunks;
}

/** Offsets where a cut is most likely to break a naive reader: inside a UTF-8 character, inside a CRLF. */
export function trickyOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  bytes.forEach((byte, index) => {
    const isContinuation = (byte & 0xc0) === 0x80;
    const isLfAfterCr = byte === 0x0a && bytes[index - 1] === 0x0d;
    if (isContinuation || isLfAfterCr) offsets.push(index);
  });
  return offsets;
}

/** Cuts `bytes` into pieces of `size` bytes. */
export function splitEvery(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.slice(start, start + size));
  return chunks;
}

export interface StreamControl<T> {
  stream: ReadableStream<T>;
  /** Resolves when the consumer cancelled the stream, with the reason. */
  cancelled: Promise<unknown>;
  isCancelled: () => boolean;
}

/**
 * A ReadableStream that delivers `chunks` and then either closes, errors with `failWith`, or stays
 * open forever (`hang: true`), recording cancellation.
 */
export function streamOf<T>(chunks: readonly T[], end: { failWith?: unknown; hang?: boolean } = {}): StreamControl<T> {
  let markCancelled: (reason: unknown) => void = () => {};
  let isCancelled = false;
  const cancelled = new Promise<unknown>((resolve) => {
    markCancelled = resolve;
  });
  let index = 0;
  const stream = new ReadableStream<T>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (end.failWith !== undefined) controller.error(end.failWith);
      else if (!end.hang) controller.close();
      // hang: never enqueue again; the pull promise below never settles.
      else return new Promise<void>(() => {});
    },
    cancel(reason) {
      isCancelled = true;
      markCancelled(reason);
    },
  });
  return { stream, cancelled, isCancelled: () => isCancelled };
}

/** A fetch-like Response whose body arrives in the given chunks. */
export function responseOf(
  chunks: readonly Uint8Array[],
  init: { contentType?: string; status?: number; headers?: Record<string, string> } = {},
): Response {
  const headers = new Headers(init.headers);
  if (init.contentType) headers.set('content-type', init.contentType);
  return new Response(streamOf(chunks).stream, { status: init.status ?? 200, headers });
}

export interface ToolCallSummary {
  id: string;
  name?: string;
  args: string;
}

/** What a UI shows after reading the events. */
export interface Summary {
  text: string;
  reasoning: string;
  toolCalls: ToolCallSummary[];
  usage?: StreamUsage;
  /** `done` events seen, with their finish reasons. */
  done: Array<string | undefined>;
  events: StreamEvent[];
}

export function summarize(events: readonly StreamEvent[]): Summary {
  const summary: Summary = { text: '', reasoning: '', toolCalls: [], done: [], events: [...events] };
  const calls = new Map<string, ToolCallSummary>();
  for (const event of events) {
    switch (event.type) {
      case 'text':
        summary.text += event.delta;
        break;
      case 'reasoning':
        summary.reasoning += event.delta;
        break;
      case 'tool-call': {
        let call = calls.get(event.id);
        if (!call) {
          call = { id: event.id, args: '' };
          calls.set(event.id, call);
          summary.toolCalls.push(call);
        }
        if (event.name !== undefined) call.name = event.name;
        call.args += event.argsDelta;
        break;
      }
      case 'usage':
        summary.usage = event.usage;
        break;
      case 'done':
        summary.done.push(event.finishReason);
        break;
    }
  }
  return summary;
}

/** Reads a whole stream; never throws: a failure is returned beside the events received before it. */
export async function read(source: StreamSource, options?: ReadStreamOptions): Promise<Summary & { error: unknown }> {
  const events: StreamEvent[] = [];
  let error: unknown;
  try {
    for await (const event of readStream(source, options)) events.push(event);
  } catch (caught) {
    error = caught;
  }
  return { ...summarize(events), error };
}

/**
 * The shape of a provider variant (a recorded-traffic fixture and the exact events reading it must
 * give) and short builders for those events.
 */

import type { BuiltInFormat, StreamErrorCode, StreamEvent } from '@rivulet/core';

export interface Variant {
  /** File in `test/stream/fixtures/`. */
  fixture: string;
  format: Exclude<BuiltInFormat, 'auto'>;
  /** Every event, in order, exactly as `readStream` yields them. */
  events: StreamEvent[];
  /** The failure that ends the read, when it ends in one. */
  error?: { code: StreamErrorCode; message: string };
}

export const text = (delta: string): StreamEvent => ({ type: 'text', delta });

export const reasoning = (delta: string): StreamEvent => ({ type: 'reasoning', delta });

/** The first event of a tool call: its id and name, with the argument text it came with. */
export const call = (id: string, name: string, argsDelta = ''): StreamEvent => ({
  type: 'tool-call',
  id,
  name,
  argsDelta,
});

/** More argument text of a call already announced. */
export const source = (url: string, title?: string, id?: string): StreamEvent => {
  const event: Extract<StreamEvent, { type: 'source' }> = { type: 'source', url };
  if (title !== undefined) event.title = title;
  if (id !== undefined) event.id = id;
  return event;
};

export const args = (id: string, argsDelta: string): StreamEvent => ({ type: 'tool-call', id, argsDelta });

export const usage = (inputTokens: number, outputTokens: number, totalTokens: number): StreamEvent => ({
  type: 'usage',
  usage: { inputTokens, outputTokens, totalTokens },
});

export const done = (finishReason?: string): StreamEvent =>
  finishReason === undefined ? { type: 'done' } : { type: 'done', finishReason };

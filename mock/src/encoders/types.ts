/** What an encoder turns into bytes on the wire. */
export type MockDelta =
  | { type: 'text'; delta: string }
  | { type: 'reasoning'; delta: string }
  | { type: 'tool-call'; id: string; name: string; argsDelta: string };

/** Token usage reported at the end of a stream. */
export interface MockUsage {
  inputTokens: number;
  outputTokens: number;
}

/** The wire formats the mock speaks. */
export type MockFormat = 'openai' | 'anthropic' | 'ai-sdk' | 'text';

export interface EncoderContext {
  /** Model name reported in the events. */
  model: string;
  /** Seeds ids so repeated runs produce identical bytes. */
  seed: number;
  usage: MockUsage;
}

/**
 * Turns one answer into a provider's wire format. Stateful: it tracks the open content block
 * so block start/stop events come out in the provider's order. Every method returns the text to
 * write (possibly empty).
 */
export interface WireEncoder {
  readonly contentType: string;
  /** Extra response headers the provider sends (besides Content-Type). */
  readonly headers: Record<string, string>;
  /** Whether the format can carry an error event in-band; the plain text format cannot. */
  readonly canSignalError: boolean;
  /** Frames sent before the first token (message start and the like). */
  open(): string;
  delta(delta: MockDelta): string;
  /** Closes open blocks and sends the terminal event. */
  finish(): string;
  /**
   * The frames of `delta` with the last event's JSON cut off halfway, as a truncated event looks on
   * the wire. Absent when the format carries no JSON (plain text).
   */
  malformed?(delta: MockDelta): string;
  /** An in-band provider error event; ends the stream without its terminal event. */
  error(message: string): string;
  /** JSON body of a non-2xx response, shaped as the provider shapes it. */
  httpErrorBody(status: number, message: string): string;
}

/** One Server-Sent Events message. */
export function sse(data: unknown, event?: string): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`;
}

/**
 * Cuts the `data:` payload of the last SSE message in `frames` to its first half (whole code
 * points, so no half surrogate). Every proper prefix of a JSON object is invalid JSON: it lacks at
 * least the closing brace. The earlier messages stay intact.
 */
export function truncateLastEvent(frames: string): string {
  const start = frames.lastIndexOf('data: ') + 'data: '.length;
  const end = frames.indexOf('\n', start);
  const payload = Array.from(frames.slice(start, end));
  return `${frames.slice(0, start)}${payload.slice(0, Math.ceil(payload.length / 2)).join('')}\n\n`;
}

/** A short stable id derived from the seed, e.g. `chatcmpl-mock1a2b3c`. */
export function mockId(prefix: string, seed: number): string {
  return `${prefix}mock${(seed >>> 0).toString(36).padStart(6, '0')}`;
}

export const SSE_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

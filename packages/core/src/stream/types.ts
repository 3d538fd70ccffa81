/**
 * Shared types of stream reading. Everything a format adapter produces is a `StreamEvent`;
 * everything `readStream` accepts is a `StreamSource`.
 */

/** Token usage reported by the provider, normalised to one shape. */
export interface StreamUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
}

/** One normalised event of an LLM answer. */
export type StreamEvent =
  | { type: 'text'; delta: string }
  /** Thinking/reasoning text; never mixed into `text`. */
  | { type: 'reasoning'; delta: string }
  /** A fragment of a tool call; `argsDelta` is appended to the call's argument text. */
  | { type: 'tool-call'; id: string; name?: string; argsDelta: string }
  /** A source or citation the answer draws on (web search results, grounding, citations). */
  | { type: 'source'; url: string; title?: string; id?: string }
  /** A file the model produced; `url` may be a `data:` URL. */
  | { type: 'file'; mediaType: string; url: string }
  | { type: 'usage'; usage: StreamUsage }
  | { type: 'done'; finishReason?: string };

/**
 * One framed unit of the wire, handed to a format adapter: an SSE message (`data` with its
 * optional `event` and `id`), one NDJSON line, or one text chunk.
 */
export interface RawEvent {
  data: string;
  event?: string;
  id?: string;
}

/**
 * A user-defined format: maps one raw event to zero or more `StreamEvent`s.
 * Set `framing` to say how the bytes are cut into raw events (default `'sse'`), and
 * `terminal` to true when a `done` event must arrive before the stream ends
 * (otherwise the stream ending counts as done).
 *
 * @example
 * const myFormat: FormatAdapter = Object.assign(
 *   (event: RawEvent) => [{ type: 'text', delta: JSON.parse(event.data).token }],
 *   { framing: 'ndjson' as const },
 * );
 */
export interface FormatAdapter {
  (event: RawEvent): StreamEvent[];
  framing?: 'sse' | 'ndjson' | 'text';
  terminal?: boolean;
}

/**
 * The formats `readStream` knows:
 * - `'auto'` (default): from the Content-Type (`text/event-stream`, `application/x-ndjson`,
 *   `text/plain`), else the first bytes, then the first event's shape.
 * - `'text'`: every chunk is a text delta. `'sse'`: every `data:` payload is a text delta, `[DONE]`
 *   ends. `'ndjson'`: one JSON event per line (`StreamEvent` objects, `{text}`/`{delta}`,
 *   `{reasoning}`, `{error}`, `{done: true}`).
 * - Provider formats: `'openai'` (Chat Completions and compatible servers), `'openai-responses'`,
 *   `'anthropic'`, `'ai-sdk'` (UI message stream), `'gemini'` (`alt=sse`), `'cohere'` (v2),
 *   `'ollama'` (native `/api/chat` and `/api/generate`). Each requires its terminal event;
 *   usage is reported once, just before `done`, whose `finishReason` is the provider's own value.
 */
export type BuiltInFormat =
  | 'auto'
  | 'text'
  | 'sse'
  | 'ndjson'
  | 'openai'
  | 'openai-responses'
  | 'anthropic'
  | 'ai-sdk'
  | 'gemini'
  | 'cohere'
  | 'ollama';

export type StreamFormat = BuiltInFormat | FormatAdapter;

/** Anything `readStream` can read. A `WebSocket` delivers one chunk per message. */
export type StreamSource =
  | Response
  | ReadableStream<Uint8Array | string>
  | AsyncIterable<Uint8Array | string | StreamEvent>
  | WebSocket;

/**
 * What `readStream` returns: the events, and where they stand in the server's numbering.
 *
 * @example
 * const events = readStream(response);
 * for await (const event of events) show(event);
 * // after a drop: fetch again with { headers: { 'Last-Event-ID': events.lastEventId } }
 */
export interface StreamEventIterable extends AsyncIterable<StreamEvent> {
  /**
   * The SSE `id:` of the last message whose events have all been delivered (messages without an id
   * keep the previous one; an empty id clears it); `undefined` until a message carries one. A
   * server that keeps an answer's events can resume after it (the `Last-Event-ID` header).
   */
  readonly lastEventId: string | undefined;
}

export interface ReadStreamOptions {
  /** Wire format; default `'auto'` sniffs Content-Type and the first event. */
  format?: StreamFormat;
  /** Aborting cancels the underlying reader, fetch body or socket and throws `StreamError('aborted')`. */
  signal?: AbortSignal;
  /** No bytes for this long throws `StreamError('timeout')`. Default 0 (off). */
  idleTimeoutMs?: number;
}

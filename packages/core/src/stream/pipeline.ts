/**
 * The event pipeline of one stream: chunks in, `StreamEvent`s out. Bytes go through one streaming
 * `TextDecoder` (a character split across chunks is joined, never replaced by U+FFFD), text through
 * the framer (chosen from the format, the Content-Type or the first bytes), raw events through the
 * format's decoder. Events collect in `events` until taken, so when a chunk fails half way the
 * events before the failure are still delivered. Nothing is accepted after `done`.
 *
 * SSE `id:` fields are recorded as marks between events (an id counts once every event of its
 * message was produced), so a reader can say exactly which message it delivered last. An event
 * completed only by the end of the input (no blank line after it) never moves the id: it may be
 * cut, and a server resuming after the previous id sends it again in full. After a drop the pipeline can
 * `reconnect`: bytes and framing start over on the new connection, the format decoder keeps its
 * state (tool call ids by index, usage, stop reason), as the stream it decodes goes on.
 */

import { framingFromContentType, sniffFraming, sniffJsonFraming } from './detect';
import { StreamError } from './errors';
import { asStreamEvent } from './events';
import { createDecoder, fixedFraming } from './formats/index';
import type { FormatDecoder, Framing } from './formats/shared';
import { createFramer, type Framer } from './framing';
import type { BuiltInFormat, RawEvent, StreamEvent, StreamFormat } from './types';

export interface PipelineContext {
  /** Content-Type of the response, when the source has one. */
  contentType?: string | undefined;
  /** A format the source announced outright (e.g. by a response header). */
  formatHint?: BuiltInFormat | undefined;
}

/** The id of an SSE message, valid once the first `before` events taken with it are delivered. */
export interface EventIdMark {
  before: number;
  id: string;
}

export class EventPipeline {
  /** True once a `done` event was emitted: the answer is complete. */
  done = false;
  private events: StreamEvent[] = [];
  private ids: EventIdMark[] = [];
  /** The end of the input is dispatching an unterminated tail: its ids are not trusted. */
  private isTail = false;
  private readonly format: StreamFormat;
  private readonly announcedFraming: Framing | undefined;
  private textDecoder = new TextDecoder();
  private framing: Framing | undefined;
  private framer: Framer | undefined;
  private decoder: FormatDecoder | undefined;
  /** Text held back while the framing is sniffed from the first bytes. */
  private head = '';
  private sawEvents = false;

  constructor(format: StreamFormat, context: PipelineContext = {}) {
    this.format = format === 'auto' && context.formatHint ? context.formatHint : format;
    const announced = framingFromContentType(context.contentType);
    // A JSON format is never plain text, whatever the server labels it: then the bytes decide.
    this.announcedFraming =
      fixedFraming(this.format) ?? (this.format === 'auto' || announced !== 'text' ? announced : undefined);
  }

  /** Events produced so far; the pipeline forgets them. Take the id marks with them. */
  take(): StreamEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** The id marks of the events last taken (positions relative to them); the pipeline forgets them. */
  takeEventIds(): EventIdMark[] {
    const ids = this.ids;
    this.ids = [];
    return ids;
  }

  /**
   * A new connection continues the stream after a drop: whatever was cut (a partial character, line
   * or event) is discarded, framing starts over in the framing already chosen, and the decoder goes on.
   */
  reconnect(): void {
    this.textDecoder = new TextDecoder();
    this.isTail = false;
    this.head = '';
    this.framer = this.framing === undefined ? undefined : createFramer(this.framing, this.onRawEvent);
  }

  /** Feeds one chunk of any kind a source may deliver. */
  push(chunk: unknown): void {
    if (this.done) return;
    if (typeof chunk === 'string') this.pushText(chunk);
    else if (ArrayBuffer.isView(chunk) || isArrayBuffer(chunk)) {
      this.pushText(this.textDecoder.decode(chunk, { stream: true }));
    } else {
      const event = asStreamEvent(chunk);
      if (!event) {
        throw new StreamError(
          'parse',
          `Unexpected chunk ${describe(chunk)}: expected a Uint8Array, a string or a StreamEvent object`,
        );
      }
      this.sawEvents = true;
      this.emit(event);
    }
  }

  /** A whole message ended (WebSocket). */
  endMessage(): void {
    if (!this.done) this.framer?.endMessage();
  }

  /**
   * Dispatches what is left at the end of the input, without judging whether the stream was
   * complete. A malformed unterminated tail means the stream was cut: `'interrupted'`.
   */
  flushTail(): void {
    if (this.done) return;
    // A trailing incomplete UTF-8 sequence was cut off by the end: it is dropped, never shown as U+FFFD.
    this.textDecoder.decode();
    this.isTail = true;
    if (!this.framer) {
      if (this.head === '' && this.sawEvents) return;
      this.resolveFraming(true);
    }
    try {
      this.framer?.end();
    } catch (error) {
      if (error instanceof StreamError && error.code === 'parse' && !this.done) {
        throw new StreamError('interrupted', `Stream ended in the middle of an event (${error.message})`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /** The input ended cleanly: completes the answer, or throws `'interrupted'` if its terminal event never came. */
  end(): void {
    this.flushTail();
    if (this.done) return;
    const terminal = this.decoder?.terminal;
    if (terminal !== undefined) {
      throw new StreamError(
        'interrupted',
        `Stream ended before its terminal event (${terminal}, format '${this.decoder?.name}')`,
      );
    }
    this.emit({ type: 'done' });
  }

  private readonly emit = (event: StreamEvent): void => {
    if (this.done) return;
    this.events.push(event);
    if (event.type === 'done') this.done = true;
  };

  private readonly onRawEvent = (event: RawEvent): void => {
    if (this.done) return;
    this.decoder?.decode(event, this.emit);
    if (event.id === undefined || this.isTail) return;
    this.ids.push({ before: this.events.length, id: event.id });
  };

  private pushText(text: string): void {
    if (this.framer) {
      this.framer.push(text);
      return;
    }
    this.head += text;
    this.resolveFraming(false);
  }

  /** Chooses the framing once the first bytes settle it, then replays the held-back text. */
  private resolveFraming(isEnd: boolean): void {
    const framing =
      this.announcedFraming ??
      (this.format === 'auto' ? sniffFraming(this.head, isEnd) : sniffJsonFraming(this.head, isEnd));
    if (framing === undefined) return;
    this.framing = framing;
    this.decoder ??= createDecoder(this.format, framing);
    this.framer = createFramer(framing, this.onRawEvent);
    const head = this.head;
    this.head = '';
    this.framer.push(head);
  }
}

/** Also true for an ArrayBuffer from another realm (iframe, worker, test environment). */
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return value instanceof ArrayBuffer || Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `object ${JSON.stringify(value)?.slice(0, 80) ?? ''}`;
  return `of type ${typeof value}`;
}

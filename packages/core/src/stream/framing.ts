/**
 * Framers cut decoded text into raw events, whatever the chunk boundaries: SSE through
 * `eventsource-parser` (comments, `id:`, `retry:`, `event:`, CR/LF/CRLF line ends, a CR ending its
 * line as soon as it arrives), NDJSON lines (`\n`, with a trailing `\r` dropped), or text chunks as
 * they come. Partial lines are kept as fragments and joined once, so long streams cost linear time.
 */

import { createParser } from 'eventsource-parser';
import type { Framing } from './formats/shared';
import type { RawEvent } from './types';

const CR = 13;
const LF = 10;
/** CRLF or a lone CR: both end a line, as LF does. */
const CR_LINE_ENDS = /\r\n?/g;

export type RawEventHandler = (event: RawEvent) => void;

export interface Framer {
  /** Frames more text; calls the handler for each complete event. */
  push(text: string): void;
  /** A WebSocket message ended: NDJSON completes its pending line (one message may be one bare line). */
  endMessage(): void;
  /** The stream ended: completes and dispatches the unterminated tail, if any. */
  end(): void;
}

export function createFramer(framing: Framing, onEvent: RawEventHandler): Framer {
  switch (framing) {
    case 'sse':
      return createSseFramer(onEvent);
    case 'ndjson':
      return createNdjsonFramer(onEvent);
    case 'text':
      return createTextFramer(onEvent);
  }
}

function createTextFramer(onEvent: RawEventHandler): Framer {
  return {
    push(text) {
      if (text !== '') onEvent({ data: text });
    },
    endMessage() {},
    end() {},
  };
}

function createSseFramer(onEvent: RawEventHandler): Framer {
  const parser = createParser({
    onEvent(message) {
      const event: RawEvent = { data: message.data };
      if (message.event !== undefined) event.event = message.event;
      if (message.id !== undefined) event.id = message.id;
      onEvent(event);
    },
    // Comments (`: ping`) keep proxies from closing idle connections; they carry nothing.
    onComment() {},
  });
  // The parser strips a first chunk starting with the UTF-8 BOM bytes read as Latin-1 text, but only
  // when all three sit in its first chunk. The decoder already drops a real BOM, so that check is
  // turned off, lest a stream read differently depending on where its first chunk ends.
  parser.feed('');
  /** The last text pushed ended in CR: an LF starting the next text is the rest of that CRLF. */
  let afterCr = false;
  return {
    push(text) {
      if (text === '') return;
      const rest = afterCr && text.charCodeAt(0) === LF ? text.slice(1) : text;
      afterCr = text.charCodeAt(text.length - 1) === CR;
      // A CR ends its line at once. The parser would hold a CR that ends a chunk back until more
      // text with a line end came (in case an LF follows), so an event ended by CR line ends would
      // be dispatched, or fail, a chunk later than when the same bytes arrive in one piece.
      if (rest !== '') parser.feed(rest.includes('\r') ? rest.replace(CR_LINE_ENDS, '\n') : rest);
    },
    endMessage() {},
    end() {
      // Two line feeds complete a last line and dispatch an event whose blank line never came.
      parser.feed('\n');
      parser.feed('\n');
    },
  };
}

function createNdjsonFramer(onEvent: RawEventHandler): Framer {
  let fragments: string[] = [];

  function emitLine(line: string): void {
    const data = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (data.trim() !== '') onEvent({ data });
  }

  function flush(): void {
    if (fragments.length === 0) return;
    const line = fragments.join('');
    fragments = [];
    emitLine(line);
  }

  return {
    push(text) {
      let start = 0;
      let newline = text.indexOf('\n');
      while (newline !== -1) {
        const piece = text.slice(start, newline);
        if (fragments.length > 0) {
          fragments.push(piece);
          flush();
        } else {
          emitLine(piece);
        }
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      if (start < text.length) fragments.push(start === 0 ? text : text.slice(start));
    },
    endMessage: flush,
    end: flush,
  };
}

/**
 * The parts a message is made of, in the order they arrived: text, reasoning, tool calls (with
 * their input as it streams and, once known, their output), sources and files. Plain, serialisable,
 * frozen objects; a part that did not change keeps its identity from one snapshot to the next.
 */

/** Answer text (Markdown). */
export interface TextPart {
  type: 'text';
  text: string;
}

/** Thinking or reasoning text, shown apart from the answer. */
export interface ReasoningPart {
  type: 'reasoning';
  text: string;
}

/**
 * Where a tool call stands:
 * - `'input-streaming'`: its input is still arriving;
 * - `'input-available'`: the input is complete, no output yet (a tool runs, or waits for the user);
 * - `'output-available'`: `output` holds the result;
 * - `'output-error'`: the tool failed; `errorText` says why.
 */
export type ToolCallPartState = 'input-streaming' | 'input-available' | 'output-available' | 'output-error';

/** A call of a tool by the model, and its result once the tool ran. */
export interface ToolCallPart {
  type: 'tool-call';
  toolCallId: string;
  /** Empty until the stream names the tool. */
  toolName: string;
  /** The raw input (argument) text received so far. */
  inputText: string;
  /** `inputText` parsed as far as it goes (best-effort partial JSON); `undefined` while nothing parses. */
  input: unknown;
  state: ToolCallPartState;
  /** The tool's result, with `state: 'output-available'`. */
  output?: unknown;
  /** Why the tool failed, with `state: 'output-error'`. */
  errorText?: string;
}

/** A source or citation the answer drew on. */
export interface SourcePart {
  type: 'source';
  url: string;
  title?: string;
  /** The provider's id for the source, when it gave one. */
  sourceId?: string;
}

/** A file: an attachment of a user message, or a file the model produced. `url` may be a `data:` URL. */
export interface FilePart {
  type: 'file';
  /** IANA media type, e.g. `image/png`. */
  mediaType: string;
  /** Where the file is: an `https:`, `blob:` or `data:` URL. */
  url: string;
  filename?: string;
}

/** One part of a message. Switch on `type`. */
export type MessagePart = TextPart | ReasoningPart | ToolCallPart | SourcePart | FilePart;

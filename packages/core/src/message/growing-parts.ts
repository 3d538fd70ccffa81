/**
 * The `GrowingText` of a streamed text part. An answer's text parts are rebuilt on every update
 * while it streams; each one's text is also kept as a `GrowingText`, so a renderer reads only what
 * each update appended. It is kept beside the part, not in it: parts stay plain, serialisable objects.
 */
import type { GrowingText } from '../buffer/growing-text';
import type { TextPart } from './parts';

const growingTexts = new WeakMap<TextPart, GrowingText>();

/**
 * The text of `part` as a `GrowingText`, when the part came from a stream; `undefined` for any other
 * part (restored, edited, built by hand): read `part.text` then.
 *
 * @example
 * <Markdown streaming={message.status === 'streaming'}>{growingTextOf(part) ?? part.text}</Markdown>
 */
export function growingTextOf(part: TextPart): GrowingText | undefined {
  return growingTexts.get(part);
}

/** Records `growing` as the text of `part` (their texts are equal). */
export function setGrowingText(part: TextPart, growing: GrowingText): void {
  growingTexts.set(part, growing);
}

/**
 * Inline repair of the last paragraph, heading or table cell: one left-to-right pass hands each
 * character that can start a construct to its handler (escapes and literal spans, code and math
 * spans, links and images, emphasis), which keep one stack of open markers. At the end, markers that
 * are still open are closed in reverse order of opening; a marker with nothing after it is hidden.
 */

import { literalLength } from './characters';
import { handleEmphasis } from './emphasis';
import { createInlineContext, type InlineContext, type OpenMarker } from './inline-context';
import { dropUnclosedBrackets, handleCloseBracket, handleOpenBracket } from './links';
import { handleCodeSpan, handleMath } from './spans';

type Handler = (context: InlineContext, index: number) => number;

const HANDLERS: Record<string, Handler> = {
  '`': handleCodeSpan,
  $: handleMath,
  '[': handleOpenBracket,
  ']': handleCloseBracket,
  '*': handleEmphasis,
  _: handleEmphasis,
  '~': handleEmphasis,
};

function scan(context: InlineContext): void {
  const { text } = context;
  let index = 0;
  while (index < text.length && !context.isDone) {
    const literal = literalLength(text, index);
    if (literal > 0) {
      index += literal;
      continue;
    }
    const char = text[index] ?? '';
    if (char === '!' && text[index + 1] === '[') {
      index = handleOpenBracket(context, index);
      continue;
    }
    const handler = HANDLERS[char];
    index = handler ? handler(context, index) : index + 1;
  }
  dropUnclosedBrackets(context);
}

/** `text` without the deleted ranges, and a function mapping old offsets to new ones. */
function applyDeletions(
  text: string,
  deletions: Array<[number, number]>,
): { text: string; map: (at: number) => number } {
  const ranges = deletions.slice().sort((a, b) => a[0] - b[0]);
  let result = '';
  let cursor = 0;
  for (const [from, to] of ranges) {
    if (to <= cursor) continue;
    result += text.slice(cursor, Math.max(cursor, from));
    cursor = Math.max(cursor, to);
  }
  result += text.slice(cursor);
  const map = (at: number): number => {
    let removed = 0;
    for (const [from, to] of ranges) if (from < at) removed += Math.min(to, at) - from;
    return at - removed;
  };
  return { text: result, map };
}

function closerFor(marker: OpenMarker, content: string): string {
  if (marker.kind === 'emphasis') return marker.char.repeat(marker.remaining);
  if (marker.kind === 'code') return (content.endsWith('`') ? ' ' : '') + '`'.repeat(marker.length);
  if (marker.kind === 'math') return marker.length === 2 && content.includes('\n') ? '\n$$' : '$'.repeat(marker.length);
  return '';
}

/**
 * Repair inline markup of `text` (the open inline content at the end of a document).
 * Returns `text` itself when nothing needs closing.
 */
export function repairInline(text: string, math: boolean): string {
  const context = createInlineContext(text, math);
  scan(context);
  if (context.stack.length === 0 && context.deletions.length === 0) return text;
  const { text: kept, map } = applyDeletions(text, context.deletions);
  let result = kept;
  for (let position = context.stack.length - 1; position >= 0; position -= 1) {
    const marker = context.stack[position];
    if (!marker || marker.kind === 'bracket') continue;
    if (marker.kind === 'emphasis' && !marker.isClosable) continue;
    const openerLength = marker.kind === 'emphasis' ? marker.remaining : marker.length;
    const start = map(marker.start);
    const content = result.slice(start + openerLength);
    if (content.trim() === '') {
      result = result.slice(0, start) + result.slice(start + openerLength);
      continue;
    }
    const closer = closerFor(marker, content);
    if (marker.kind === 'emphasis') {
      const trailing = /\s*$/.exec(result)?.index ?? result.length;
      result = result.slice(0, trailing) + closer + result.slice(trailing);
    } else result += closer;
  }
  return result;
}

/**
 * Inline repair of the last paragraph, heading or table cell: one left-to-right pass hands each
 * character that can start a construct to its handler (escapes and literal spans, code and math
 * spans, links and images, emphasis, unfinished raw HTML and character references), which keep one
 * stack of open markers. At the end, markers that
 * are still open are closed in reverse order of opening; a marker with nothing after it is hidden.
 */

import { isWhitespace } from '../inline-syntax';
import { literalLength } from './characters';
import { finishEmphasis, handleEmphasis } from './emphasis';
import { handleAmpersand, handleAngleBracket } from './html-tail';
import { createInlineContext, type InlineContext, type OpenMarker } from './inline-context';
import { escapeJoins } from './joins';
import { dropUnclosedBrackets, handleCloseBracket, handleOpenBracket } from './links';
import { handleBackslashMath, handleCodeSpan, handleMath } from './spans';

type Handler = (context: InlineContext, index: number) => number;

const HANDLERS: Record<string, Handler> = {
  '`': handleCodeSpan,
  $: handleMath,
  '[': handleOpenBracket,
  ']': handleCloseBracket,
  '*': handleEmphasis,
  _: handleEmphasis,
  '~': handleEmphasis,
  '<': handleAngleBracket,
  '&': handleAmpersand,
};

function scan(context: InlineContext): void {
  const { text } = context;
  let index = 0;
  while (index < text.length && !context.isDone) {
    if (text[index] === '\\' && index === text.length - 1) {
      context.deletions.push([index, index + 1]); // a half-typed escape would escape the closers
      break;
    }
    const next = text[index + 1];
    if (context.math && text[index] === '\\' && (next === '(' || next === '[')) {
      index = handleBackslashMath(context, index);
      continue;
    }
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
  finishEmphasis(context);
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
  if (marker.kind === 'code') {
    // A shorter run at the end is the closer being typed (```` ```npm i` ````): complete it. A longer
    // one is content, so the closer needs a space before it.
    const run = content.length - content.replace(/`+$/, '').length;
    if (run > 0 && run < marker.length) return '`'.repeat(marker.length - run);
    return (run > 0 ? ' ' : '') + '`'.repeat(marker.length);
  }
  if (marker.kind === 'math' && marker.char === '\\') return (content.includes('\n') ? '\n' : '') + marker.closer;
  if (marker.kind === 'math') return marker.length === 2 && content.includes('\n') ? '\n$$' : '$'.repeat(marker.length);
  return '';
}

/**
 * The first closer lands right after the text, where a run of its own character would merge with it:
 * a closer already partly typed (`**bold*`, `~~gone~`) is completed; a literal run after a space (`*5 *`) is
 * escaped so the closer stays a closer (`*5 \\**`).
 */
function settleTrailingRun(text: string, closer: string): { text: string; closer: string } {
  const char = closer[0] ?? '';
  let start = text.length;
  while (start > 0 && text[start - 1] === char) start -= 1;
  const run = text.length - start;
  if (run === 0) return { text, closer };
  if (!isWhitespace(text[start - 1])) {
    // The run already closes part of the way (`**bold*`); strikethrough needs exactly two tildes.
    return { text, closer: char === '~' ? closer.slice(Math.min(run, closer.length)) : closer };
  }
  return { text: text.slice(0, start) + `\\${char}`.repeat(run), closer };
}

/** `text` with joined openers escaped, and where each plain opener now is. */
function withEscapes(text: string, openers: number[]): { text: string; plainOpeners: number[] } {
  const joined = escapeJoins(text, openers);
  return { text: joined.text, plainOpeners: joined.openers };
}

/**
 * Repair inline markup of `text` (the open inline content at the end of a document).
 * `hasRemoved` tells whether any text was dropped (which can change how the text around it reads).
 */
export function repairInline(
  text: string,
  math: boolean,
  wasPlain: ReadonlySet<number> = new Set(),
): { text: string; hasRemoved: boolean; plainOpeners: number[] } {
  const context = createInlineContext(text, math, wasPlain);
  scan(context);
  if (context.stack.length === 0 && context.deletions.length === 0) {
    return { hasRemoved: false, ...withEscapes(text, context.plainOpeners) };
  }
  const { text: kept, map } = applyDeletions(text, context.deletions);
  // Where the openers that started nothing are now: hiding text after one may make it start something.
  let plainOpeners = context.plainOpeners.map(map);
  let result = kept;
  let hasAppended = false;
  let hasRemoved = context.deletions.length > 0;
  for (let position = context.stack.length - 1; position >= 0; position -= 1) {
    const marker = context.stack[position];
    if (!marker || marker.kind === 'bracket') continue;
    if (marker.kind === 'emphasis' && !marker.isClosable) continue;
    const openerLength = marker.kind === 'emphasis' ? marker.remaining : marker.length;
    const start = map(marker.start);
    const contentStart = marker.kind === 'emphasis' ? map(marker.end) : start + openerLength;
    // In math, a backslash at the very end is a command being typed (`$\`, `$x + \`): it would
    // escape the closer, so it waits.
    if (marker.kind === 'math' && /(?:^|[^\\])(?:\\\\)*\\$/.test(result.slice(contentStart)))
      result = result.slice(0, -1);
    // Closers go before trailing whitespace (after a newline a closing backtick run would start a
    // fence) and before a trailing hard-break backslash (which would escape them).
    const trailing = /(?:\\(?=\s))?\s*$/.exec(result)?.index ?? result.length;
    const content = result.slice(contentStart, Math.max(contentStart, trailing));
    // Two strikethrough closers in a row would read as one `~~~~` run; a `$` closer after a `$` would
    // read as `$$`: drop the opener instead.
    const isStrikeAfterStrike = marker.kind === 'emphasis' && marker.char === '~' && /~$/.test(content) && hasAppended;
    const isDollarAfterDollar = marker.kind === 'math' && marker.char === '$' && content.endsWith('$');
    if (content.trim() === '' || isStrikeAfterStrike || isDollarAfterDollar) {
      result = result.slice(0, start) + result.slice(start + openerLength);
      plainOpeners = plainOpeners.map((at) => (at > start ? at - openerLength : at));
      hasRemoved = true;
      continue;
    }
    const closer = closerFor(marker, content);
    const body =
      marker.kind !== 'emphasis' || hasAppended
        ? result.slice(0, trailing)
        : settleTrailingRun(result.slice(0, trailing), closer);
    result =
      typeof body === 'string'
        ? body + closer + result.slice(trailing)
        : body.text + body.closer + result.slice(trailing);
    hasAppended = true;
  }
  return { hasRemoved, ...withEscapes(result, plainOpeners) };
}

/**
 * Link and image handler. `[` and `![` push a bracket marker; `]` followed by `(` either completes a
 * link or, when the text ends inside the destination, cuts it: a half-typed link shows its text as
 * plain text, a half-typed image is hidden, and raw brackets never show.
 *
 * | input                 | repaired  |
 * |-----------------------|-----------|
 * | `[text](http://exa`   | `text`    |
 * | `[text](`             | `text`    |
 * | `[text`, `[text]`      | `text`    |
 * | `note[^`, `note[^1`   | `note`    |
 * | `[^1]` starting a line | (hidden: may be a definition) |
 * | `![alt](ht`, `![alt`, `![alt]` | (hidden) |
 * | `[text](url)`, `[1] x` | unchanged |
 * | `[a]( b](c more`      | unchanged (can never be a link) |
 */

import { isOpenFootnoteCall } from '../inline-syntax';
import {
  fenceOpening,
  indentation,
  isAtxHeading,
  isThematicBreak,
  lineStartOf,
  listMarker,
  quoteContent,
  setextLevel,
} from '../line-syntax';
import type { InlineContext } from './inline-context';

/** Where a link's `(…)` part stands: complete (`end` is after its `)`), still open, or never a link. */
type LinkTail = { end: number } | 'open' | 'invalid';

/** Skips spaces and tabs with at most one line ending among them. */
function skipSpace(text: string, from: number): number {
  let index = from;
  let newlines = 0;
  for (;;) {
    const char = text[index];
    if (char === ' ' || char === '\t') index += 1;
    else if (char === '\n' && newlines === 0) {
      newlines += 1;
      index += 1;
    } else return index;
  }
}

/**
 * Reads the `(destination "title")` of an inline link as CommonMark does, from just after its `(`.
 * `'invalid'` when what follows can never complete one (`[a]( b](c more text`: a second word that
 * is not a title), so its text stays literal instead of being hidden for good.
 */
function scanLinkTail(text: string, from: number): LinkTail {
  let index = skipSpace(text, from);
  if (index === text.length) return 'open';
  if (text[index] === ')') return { end: index + 1 };
  if (text[index] === '<') {
    for (index += 1; ; index += 1) {
      const char = text[index];
      if (char === undefined) return 'open';
      if (char === '\\') index += 1;
      else if (char === '\n' || char === '<') return 'invalid';
      else if (char === '>') break;
    }
    index += 1;
  } else {
    let depth = 0;
    for (; ; index += 1) {
      const char = text[index];
      if (char === undefined) return 'open';
      if (char === '\\') index += 1;
      else if (char <= ' ') break;
      else if (char === '(') depth += 1;
      else if (char === ')') {
        if (depth === 0) return { end: index + 1 };
        depth -= 1;
      }
    }
  }
  const titleStart = skipSpace(text, index);
  if (titleStart === text.length) return 'open';
  if (text[titleStart] === ')') return { end: titleStart + 1 };
  const opener = text[titleStart] ?? '';
  if (titleStart === index || !'"\'('.includes(opener)) return 'invalid';
  const closer = opener === '(' ? ')' : opener;
  for (index = titleStart + 1; ; index += 1) {
    const char = text[index];
    if (char === undefined) return 'open';
    if (char === '\\') index += 1;
    else if (char === closer) break;
    else if (opener === '(' && char === '(') return 'invalid';
  }
  const end = skipSpace(text, index + 1);
  if (end === text.length) return 'open';
  return text[end] === ')' ? { end: end + 1 } : 'invalid';
}

/**
 * Whether `line`, read from the start of a line, is block syntax: a fence, heading, list item,
 * thematic break, quote, table row, setext underline or indented code rather than text.
 */
function readsAsBlockSyntax(line: string): boolean {
  return (
    indentation(line).columns >= 4 ||
    fenceOpening(line) !== undefined ||
    isAtxHeading(line) ||
    listMarker(line) !== undefined ||
    isThematicBreak(line) ||
    quoteContent(line) !== undefined ||
    line.trimStart().startsWith('|') ||
    setextLevel(line) !== undefined
  );
}

/** Whether dropping the `[` at `start` would turn the rest of its line into block syntax. */
function exposesBlockSyntax(text: string, start: number): boolean {
  if (!/^[ \t>]*$/.test(lineBefore(text, start))) return false;
  const lineEnd = text.indexOf('\n', start);
  // The brackets after this one go too when none of them closes (`[[    x` exposes indented code).
  const after = text.slice(start + 1, lineEnd === -1 ? undefined : lineEnd).replace(/^\[+/, '');
  // Hiding the bracket would move the rest to the start of the line, where it may read as blocks.
  return readsAsBlockSyntax(after);
}

/** What stands before `index` on its line. */
function lineBefore(text: string, index: number): string {
  return text.slice(lineStartOf(text, index), index);
}

/** Hides the `[` of a link that is not one (yet), unless that would change how its line reads. */
function dropBracket(context: InlineContext, start: number): void {
  if (!exposesBlockSyntax(context.text, start)) context.deletions.push([start, start + 1]);
}

/** Whether the `(` at `paren` (after a `]`) starts a link destination still being written. */
export function isOpenLinkTail(text: string, paren: number): boolean {
  return text[paren - 1] === ']' && scanLinkTail(text, paren + 1) === 'open';
}

export function handleOpenBracket(context: InlineContext, index: number): number {
  const isImage = context.text[index] === '!';
  const length = isImage ? 2 : 1;
  context.stack.push({ kind: 'bracket', isImage, start: index, length });
  return index + length;
}

export function handleCloseBracket(context: InlineContext, index: number): number {
  const { text, stack } = context;
  let position = stack.length - 1;
  while (position >= 0 && stack[position]?.kind !== 'bracket') position -= 1;
  const bracket = stack[position];
  if (bracket?.kind !== 'bracket') return index + 1;
  if (bracket.isImage && index + 1 === text.length) {
    // `![alt]` may still get its `(url)`: its alt text would then leave the page, so hide it now.
    stack.splice(position);
    context.deletions.push([bracket.start, text.length]);
    context.isDone = true;
    return text.length;
  }
  if (text[index + 1] !== '(') {
    stack.splice(position, 1); // `[text]` alone is literal text (or a reference link)
    // Unless it ends the text: its `(url)` may still come. It shows as its text, as `[text` did and
    // `[text](` will, so its brackets do not flash for one update (nor widen a table's column). Not
    // the `[ref]` of `[text][ref]`, nor a footnote's `[^1]`: neither can become an inline link.
    if (index + 1 === text.length && text[bracket.start - 1] !== ']' && text[bracket.start + 1] !== '^') {
      dropBracket(context, bracket.start);
      context.deletions.push([index, index + 1]);
    } else if (
      index + 1 === text.length &&
      text[bracket.start + 1] === '^' &&
      /^ {0,3}$/.test(lineBefore(text, bracket.start))
    ) {
      // `[^1]` starting a line may be a footnote definition being written (`[^1]: …`, shows nothing).
      context.deletions.push([bracket.start, text.length]);
    }
    return index + 1;
  }
  const tail = scanLinkTail(text, index + 2);
  if (tail === 'invalid' || (tail === 'open' && context.wasPlain.has(index + 1))) {
    stack.splice(position, 1); // never a link: its brackets and what follows are literal text
    context.plainOpeners.push(index + 1);
    return index + 1;
  }
  if (tail !== 'open') {
    stack.splice(position); // markers left open inside a complete link's text stay literal
    return tail.end;
  }
  if (bracket.isImage) {
    stack.splice(position);
    context.deletions.push([bracket.start, text.length]);
  } else {
    stack.splice(position, 1);
    dropBracket(context, bracket.start);
    context.deletions.push([index, text.length]);
  }
  context.isDone = true;
  return text.length;
}

/** At the end of the text: a `[` never closed loses its bracket; a `![` never closed is hidden. */
export function dropUnclosedBrackets(context: InlineContext): void {
  const { stack } = context;
  for (let position = 0; position < stack.length; position += 1) {
    const marker = stack[position];
    if (marker?.kind !== 'bracket') continue;
    // A call still being typed (`[^1`) shows once complete, as a superscript while streaming.
    if (marker.isImage || isOpenFootnoteCall(context.text.slice(marker.start))) {
      context.deletions.push([marker.start, context.text.length]);
      stack.splice(position);
      return;
    }
    dropBracket(context, marker.start);
    stack.splice(position, 1);
    position -= 1;
  }
}

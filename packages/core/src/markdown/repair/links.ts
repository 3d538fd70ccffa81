/**
 * Link and image handler. `[` and `![` push a bracket marker; `]` followed by `(` either completes a
 * link or, when the text ends inside the destination, cuts it: a half-typed link shows its text as
 * plain text, a half-typed image is hidden, and raw brackets never show.
 *
 * | input                 | repaired  |
 * |-----------------------|-----------|
 * | `[text](http://exa`   | `text`    |
 * | `[text](`             | `text`    |
 * | `[text`               | `text`    |
 * | `![alt](ht`, `![alt`  | (hidden)  |
 * | `[text](url)`, `[1]`  | unchanged |
 */

import type { InlineContext } from './inline-context';

/** Index after the `)` closing a link destination that starts at `from`, or -1 if the text ends first. */
function destinationEnd(text: string, from: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      if (depth === 0) return index + 1;
      depth -= 1;
    }
  }
  return -1;
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
  if (text[index + 1] !== '(') {
    stack.splice(position, 1); // `[text]` alone is literal text (or a reference link)
    return index + 1;
  }
  const end = destinationEnd(text, index + 2);
  if (end !== -1) {
    stack.splice(position); // markers left open inside a complete link's text stay literal
    return end;
  }
  if (bracket.isImage) {
    stack.splice(position);
    context.deletions.push([bracket.start, text.length]);
  } else {
    stack.splice(position, 1);
    context.deletions.push([bracket.start, bracket.start + 1], [index, text.length]);
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
    if (marker.isImage) {
      context.deletions.push([marker.start, context.text.length]);
      stack.splice(position);
      return;
    }
    context.deletions.push([marker.start, marker.start + 1]);
    stack.splice(position, 1);
    position -= 1;
  }
}

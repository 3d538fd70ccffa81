/**
 * Unfinished raw HTML, autolinks and character references at the end of the text. Raw HTML is never
 * rendered, so a tag shown as text while it streams (`Hello <div class="fo`) would vanish once its
 * `>` arrives; an entity shown as `&am` would turn into `&`. Such a tail is hidden while it could
 * still become one of these constructs, so no character a reader saw disappears later. A `<` or `&`
 * that can no longer start one stays visible (`a < b`, `x <3`, `<-`, `AT&T rocks`).
 *
 * | tail (the text ends here)       | repaired        |
 * |---------------------------------|-----------------|
 * | `Hello <div class="fo`, `</di`  | `Hello `        |
 * | `<!-- note`, `<?php`, `<![CDA`  | (hidden)        |
 * | `see <https://exa`              | `see `          |
 * | `&am`, `&#12`, `&#x1F`          | (hidden)        |
 * | `a < b`, `x <3`, `<-`, `Map<K, V` | unchanged     |
 * | `i<n and the rest of it`        | unchanged: prose, not attributes |
 */

import { URI_AUTOLINK } from '../inline-syntax';
import type { InlineContext } from './inline-context';

/** A URI autolink without its `>` yet. */
const AUTOLINK_SO_FAR = new RegExp(`^<${URI_AUTOLINK}$`);

const TAG_NAME = /[A-Za-z][A-Za-z0-9-]*/y;
const ATTRIBUTE_NAME = /[A-Za-z_:][A-Za-z0-9_.:-]*/y;
const UNQUOTED_VALUE = /[^\s"'=<>`]+/y;
const SPACE = /\s*/y;

/**
 * Attributes without a value in a row that still read as HTML (`<input checked disabled`). More
 * bare words after a `<` are prose that happens to fit the syntax (`i<n and the rest`), not a tag
 * someone is writing: showing it costs nothing, since no real answer closes such a run with `>`.
 */
const MAX_BARE_ATTRIBUTES = 2;

/** Matches `pattern` (sticky) at `index`; returns the index after the match, or -1. */
function matchAt(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** Whether `text` from `index` (a `<` followed by a letter or `/`) to its end is an open or closing tag so far. */
function isTagSoFar(text: string, index: number): boolean {
  const isClosing = text[index + 1] === '/';
  const nameStart = index + (isClosing ? 2 : 1);
  if (nameStart === text.length) return true;
  let at = matchAt(TAG_NAME, text, nameStart);
  if (at === -1) return false;
  if (isClosing) return matchAt(SPACE, text, at) === text.length;
  let bare = 0;
  for (;;) {
    if (at === text.length) return true;
    const afterSpace = matchAt(SPACE, text, at);
    if (afterSpace === text.length) return true;
    if (text[afterSpace] === '/') return afterSpace + 1 === text.length;
    // An attribute needs whitespace before it.
    if (afterSpace === at) return false;
    const nameEnd = matchAt(ATTRIBUTE_NAME, text, afterSpace);
    if (nameEnd === -1) return false;
    const beforeEquals = matchAt(SPACE, text, nameEnd);
    if (beforeEquals === text.length) return true;
    if (text[beforeEquals] !== '=') {
      bare += 1;
      if (bare > MAX_BARE_ATTRIBUTES) return false;
      at = nameEnd;
      continue;
    }
    bare = 0;
    const valueStart = matchAt(SPACE, text, beforeEquals + 1);
    if (valueStart === text.length) return true;
    const quote = text[valueStart];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, valueStart + 1);
      if (close === -1) return true;
      at = close + 1;
    } else {
      at = matchAt(UNQUOTED_VALUE, text, valueStart);
      if (at === -1) return false;
    }
  }
}

/** Whether `text` from `index` (a `<`) to its end could still become raw HTML or a URI autolink. */
export function isUnfinishedHtml(text: string, index: number): boolean {
  const rest = text.length - index;
  const next = text[index + 1];
  if (next === undefined) return true;
  if (next === '!') {
    const body = text.slice(index);
    if ('<!--'.startsWith(body) || '<![CDATA['.startsWith(body)) return true;
    if (body.startsWith('<!--')) return !body.includes('-->', 2);
    if (body.startsWith('<![CDATA[')) return !body.includes(']]>');
    return /^<![A-Za-z][^>]*$/.test(body);
  }
  if (next === '?') return !text.includes('?>', index + 2);
  if (next === '/') return isTagSoFar(text, index);
  if (!/[A-Za-z]/.test(next)) return false;
  // A URI autolink so far: a scheme of 2-32 characters, a colon, then no space, `<` or `>`.
  if (rest <= 4096 && AUTOLINK_SO_FAR.test(text.slice(index))) return true;
  return isTagSoFar(text, index);
}

/** `&` and the start of a named, decimal or hexadecimal character reference, up to the end. */
const UNFINISHED_REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{0,7}|#[xX][0-9A-Fa-f]{0,6})?$/y;

/** Whether `text` from `index` (a `&`) to its end is a character reference still being written. */
export function isUnfinishedReference(text: string, index: number): boolean {
  return matchAt(UNFINISHED_REFERENCE, text, index) === text.length;
}

/** `<`: hides the rest of the text when it is raw HTML or an autolink still being written. */
export function handleAngleBracket(context: InlineContext, index: number): number {
  if (context.wasPlain.has(index) || !isUnfinishedHtml(context.text, index)) {
    context.plainOpeners.push(index);
    return index + 1;
  }
  context.deletions.push([index, context.text.length]);
  context.isDone = true;
  return context.text.length;
}

/** `&`: hides a character reference still being written at the end of the text. */
export function handleAmpersand(context: InlineContext, index: number): number {
  if (context.wasPlain.has(index) || !isUnfinishedReference(context.text, index)) {
    context.plainOpeners.push(index);
    return index + 1;
  }
  context.deletions.push([index, context.text.length]);
  context.isDone = true;
  return context.text.length;
}

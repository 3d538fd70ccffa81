/**
 * Inline Markdown of the common subset (see `index.ts`) to mdast phrasing content, following the
 * CommonMark inline algorithm: a left-to-right scan that turns code spans, escapes and line
 * breaks into nodes at once and keeps `*`/`_` runs and `[`/`![` openers as pending items; a `]`
 * closes the nearest opener into a link or image when an inline resource follows, and emphasis is
 * resolved over the delimiter runs last (inside each link first). Constructs outside the subset
 * (raw HTML, autolinks, entities, literal URLs and e-mails, strikethrough) throw `unsupported`.
 */

import type { PhrasingContent, Text } from 'mdast';
import { unsupported } from './unsupported';

interface TextItem {
  kind: 'text';
  value: string;
}
interface NodeItem {
  kind: 'node';
  node: PhrasingContent;
}
/** A run of `*`, `_` or `~`; `count` characters are still unused. */
interface DelimiterItem {
  kind: 'delimiter';
  char: '*' | '_' | '~';
  count: number;
  /** The run's whole length (strikethrough pairs runs of the same length). */
  length: number;
  open: boolean;
  close: boolean;
}
interface BracketItem {
  kind: 'bracket';
  image: boolean;
  active: boolean;
}
type Item = TextItem | NodeItem | DelimiterItem | BracketItem;

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const unicodeWhitespace = /\s/;
const unicodePunctuation = /[\p{P}\p{S}]/u;
/** Characters that may start inline syntax (or leave the subset). */
const special = /[\\`*_![\]\n<&~]/g;
/** Text the GFM autolink-literal extension would turn into links. */
const literalLink = /@|www\.|:\/\//i;

const whitespace = 1;
const punctuation = 2;
const other = 0;

/** As micromark classifies a UTF-16 unit next to a delimiter run (a missing one is whitespace). */
function classify(unit: string | undefined): number {
  if (unit === undefined || unicodeWhitespace.test(unit)) return whitespace;
  return unicodePunctuation.test(unit) ? punctuation : other;
}

/** Where a run of `char` starting at `index` ends. */
function runEnd(source: string, index: number, char: string): number {
  let end = index;
  while (source[end] === char) end += 1;
  return end;
}

/**
 * The inline code span opened by the backtick run at `start`, or `undefined` when no run of the
 * same length closes it (the run is then literal text).
 */
function codeSpan(source: string, start: number, end: number): { value: string; end: number } | undefined {
  const length = end - start;
  let index = end;
  for (;;) {
    const open = source.indexOf('`', index);
    if (open === -1) return undefined;
    const close = runEnd(source, open, '`');
    if (close - open === length) {
      let value = source.slice(end, open);
      const padded = /^[ \n]/.test(value) && /[ \n]$/.test(value) && /[^ \n]/.test(value);
      if (padded) value = value.slice(1, -1);
      return { value, end: close };
    }
    index = close;
  }
}

/** Decodes backslash escapes (entities are not in the subset). */
function decodeEscapes(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The inline resource `(destination "title")` at `start`, or `undefined` when there is none. */
function resource(source: string, start: number): { url: string; title: string | null; end: number } | undefined {
  let index = start + 1;
  const skipSpace = () => {
    let lineEndings = 0;
    while (source[index] === ' ' || source[index] === '\n') {
      if (source[index] === '\n') lineEndings += 1;
      index += 1;
    }
    if (lineEndings > 1) unsupported();
  };
  skipSpace();
  if (source[index] === ')') return { url: '', title: null, end: index + 1 };
  if (source[index] === '<') unsupported();
  const destinationStart = index;
  let depth = 0;
  while (index < source.length) {
    const char = source[index] as string;
    if (char === '\\' && asciiPunctuation.test(source[index + 1] ?? '')) {
      index += 2;
      continue;
    }
    if (char === '(') {
      depth += 1;
      if (depth > 32) unsupported();
    } else if (char === ')') {
      if (depth === 0) break;
      depth -= 1;
    } else if (char === ' ' || char === '\n' || char < ' ' || char === '\u007f') break;
    index += 1;
  }
  if (depth !== 0 || index === destinationStart) return undefined;
  const destination = source.slice(destinationStart, index);
  const beforeTitle = index;
  skipSpace();
  let title: string | null = null;
  const quote = source[index];
  if (index > beforeTitle && (quote === '"' || quote === "'" || quote === '(')) {
    const closing = quote === '(' ? ')' : quote;
    let end = index + 1;
    while (end < source.length && source[end] !== closing) {
      if (source[end] === '\n' || (quote === '(' && source[end] === '(')) unsupported();
      end += source[end] === '\\' ? 2 : 1;
    }
    if (end >= source.length) return undefined;
    title = decodeEscapes(source.slice(index + 1, end));
    index = end + 1;
    skipSpace();
  }
  if (source[index] !== ')') return undefined;
  // Character references in either would be decoded.
  if (destination.includes('&') || title?.includes('&')) unsupported();
  return { url: decodeEscapes(destination), title, end: index + 1 };
}

function textOf(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if (node.type === 'image') text += node.alt ?? '';
    else if ('children' in node) text += textOf(node.children);
  }
  return text;
}

/** Turns resolved items into phrasing nodes, joining adjacent text as the parser does. */
function toPhrasing(items: readonly Item[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let text: Text | undefined;
  const addText = (value: string) => {
    if (value === '') return;
    if (text) text.value += value;
    else {
      text = { type: 'text', value };
      nodes.push(text);
    }
  };
  for (const item of items) {
    if (item.kind === 'text') addText(item.value);
    else if (item.kind === 'delimiter') addText(item.char.repeat(item.count));
    else if (item.kind === 'bracket') addText(item.image ? '![' : '[');
    else {
      text = undefined;
      nodes.push(item.node);
    }
  }
  for (const node of nodes) if (node.type === 'text' && literalLink.test(node.value)) unsupported();
  return nodes;
}

/** CommonMark's "process emphasis" over `items`, in place: matched runs become emphasis and strong. */
function resolveEmphasis(items: Item[]): void {
  let closerIndex = 0;
  while (closerIndex < items.length) {
    const closer = items[closerIndex] as Item;
    if (closer.kind !== 'delimiter' || closer.char === '~' || !closer.close || closer.count === 0) {
      closerIndex += 1;
      continue;
    }
    let openerIndex = closerIndex - 1;
    for (; openerIndex >= 0; openerIndex -= 1) {
      const opener = items[openerIndex] as Item;
      if (opener.kind !== 'delimiter' || opener.char !== closer.char || !opener.open || opener.count === 0) continue;
      // The "rule of three", as micromark applies it: on the sizes left, and only when the
      // closer's is not itself a multiple of three.
      const multipleOfThree =
        (opener.close || closer.open) && closer.count % 3 !== 0 && (opener.count + closer.count) % 3 === 0;
      if (!multipleOfThree) break;
    }
    if (openerIndex < 0) {
      closerIndex += 1;
      continue;
    }
    const opener = items[openerIndex] as DelimiterItem;
    const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    opener.count -= use;
    closer.count -= use;
    // Runs between the two are literal from now on.
    const inner = items
      .slice(openerIndex + 1, closerIndex)
      .map((item): Item => (item.kind === 'delimiter' ? { kind: 'text', value: item.char.repeat(item.count) } : item));
    const node: PhrasingContent = { type: use === 2 ? 'strong' : 'emphasis', children: toPhrasing(inner) };
    items.splice(openerIndex + 1, closerIndex - openerIndex - 1, { kind: 'node', node });
    closerIndex = openerIndex + 2;
  }
}

/** The indexes of a `~` opener and closer of the same size that make a strikethrough, if any. */
function strikethroughPair(items: readonly Item[], from: number): [number, number] | undefined {
  for (let closerIndex = from; closerIndex < items.length; closerIndex += 1) {
    const closer = items[closerIndex] as Item;
    if (closer.kind !== 'delimiter' || closer.char !== '~' || !closer.close) continue;
    for (let openerIndex = closerIndex - 1; openerIndex >= 0; openerIndex -= 1) {
      const opener = items[openerIndex] as Item;
      if (opener.kind === 'delimiter' && opener.char === '~' && opener.open && opener.length === closer.length)
        return [openerIndex, closerIndex];
    }
  }
  return undefined;
}

/**
 * Resolves emphasis and strikethrough among `items`, in place. GFM resolves the two in separate
 * passes whose order depends on the text; where both could apply, the text leaves the subset.
 */
function resolveAttention(items: Item[]): void {
  let pair = strikethroughPair(items, 0);
  if (!pair) {
    resolveEmphasis(items);
    return;
  }
  if (items.some((item) => item.kind === 'delimiter' && item.char !== '~')) unsupported();
  while (pair) {
    const [openerIndex, closerIndex] = pair;
    const inner = items.slice(openerIndex + 1, closerIndex);
    resolveAttention(inner);
    const node: PhrasingContent = { type: 'delete', children: toPhrasing(inner) };
    items.splice(openerIndex, closerIndex - openerIndex + 1, { kind: 'node', node });
    pair = strikethroughPair(items, openerIndex + 1);
  }
}

/**
 * Parses the inline content of a paragraph, heading or table cell (already stripped of block
 * syntax; soft line breaks as `\n`) to mdast phrasing nodes.
 */
export function parseInline(source: string): PhrasingContent[] {
  const items: Item[] = [];
  /** Indexes in `items` of `[` and `![` openers not closed yet. */
  const brackets: number[] = [];
  let text = '';
  const flushText = () => {
    if (text !== '') items.push({ kind: 'text', value: text });
    text = '';
  };
  const push = (item: Item) => {
    flushText();
    items.push(item);
  };

  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    switch (char) {
      case '\\': {
        const next = source[index + 1];
        if (next === '\n') {
          push({ kind: 'node', node: { type: 'break' } });
          index += 2;
          while (source[index] === ' ') index += 1;
        } else if (next !== undefined && asciiPunctuation.test(next)) {
          text += next;
          index += 2;
        } else {
          text += '\\';
          index += 1;
        }
        break;
      }
      case '`': {
        const end = runEnd(source, index, '`');
        const span = codeSpan(source, index, end);
        if (span) {
          push({ kind: 'node', node: { type: 'inlineCode', value: span.value } });
          index = span.end;
        } else {
          text += source.slice(index, end);
          index = end;
        }
        break;
      }
      case '*':
      case '_':
      case '~': {
        const end = runEnd(source, index, char);
        const length = end - index;
        if (char === '~' && length > 2) {
          // Three tildes or more delimit nothing (strikethrough takes one or two).
          text += source.slice(index, end);
          index = end;
          break;
        }
        const previous = source[index - 1];
        const next = source[end];
        const before = classify(previous);
        const after = classify(next);
        // GFM's tilde counts as a marker beside emphasis runs: `~*a*~` opens and closes.
        const besideTilde = char !== '~';
        const leftFlanking =
          after === other || (after === punctuation && before !== other) || (besideTilde && next === '~');
        const rightFlanking =
          before === other || (before === punctuation && after !== other) || (besideTilde && previous === '~');
        push({
          kind: 'delimiter',
          char,
          count: length,
          length,
          open: char === '_' ? leftFlanking && (before !== other || !rightFlanking) : leftFlanking,
          close: char === '_' ? rightFlanking && (after !== other || !leftFlanking) : rightFlanking,
        });
        index = end;
        break;
      }
      case '!':
        if (source[index + 1] === '[') {
          push({ kind: 'bracket', image: true, active: true });
          brackets.push(items.length - 1);
          index += 2;
        } else {
          text += '!';
          index += 1;
        }
        break;
      case '[':
        if (source[index + 1] === '^') unsupported();
        push({ kind: 'bracket', image: false, active: true });
        brackets.push(items.length - 1);
        index += 1;
        break;
      case ']': {
        index += 1;
        const openerIndex = brackets.pop();
        if (openerIndex === undefined) {
          text += ']';
          break;
        }
        const opener = items[openerIndex] as BracketItem;
        const link = opener.active && source[index] === '(' ? resource(source, index) : undefined;
        if (!link) {
          // Without definitions, `[text]` and `[text][label]` stay literal.
          if (opener.active && source[index] === '[') unsupported();
          text += ']';
          break;
        }
        flushText();
        const inner = items.splice(openerIndex);
        inner.shift();
        resolveAttention(inner);
        const children = toPhrasing(inner);
        const node: PhrasingContent = opener.image
          ? { type: 'image', title: link.title, url: link.url, alt: textOf(children) }
          : { type: 'link', title: link.title, url: link.url, children };
        items.push({ kind: 'node', node });
        // No links inside links: the `[` openers before this one are literal now (images may hold links).
        if (!opener.image)
          for (const earlier of brackets) {
            const bracket = items[earlier] as BracketItem;
            if (!bracket.image) bracket.active = false;
          }
        index = link.end;
        break;
      }
      case '\n': {
        const trimmed = text.replace(/ +$/, '');
        const hard = text.length - trimmed.length >= 2;
        text = trimmed;
        if (hard) push({ kind: 'node', node: { type: 'break' } });
        else text += '\n';
        index += 1;
        while (source[index] === ' ') index += 1;
        break;
      }
      case '&':
        // A character reference (`&amp;`, `&#38;`) is decoded by the parser; a lone `&` is text.
        if (/[#A-Za-z]/.test(source[index + 1] ?? '')) unsupported();
        text += '&';
        index += 1;
        break;
      case '<':
        unsupported();
        break;
      default: {
        special.lastIndex = index + 1;
        const end = special.exec(source)?.index ?? source.length;
        text += source.slice(index, end);
        index = end;
      }
    }
  }
  flushText();
  resolveAttention(items);
  return toPhrasing(items);
}

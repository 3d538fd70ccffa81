/**
 * Inline Markdown of the common subset (see `index.ts`) to mdast phrasing content, following the
 * CommonMark inline algorithm: a left-to-right scan that turns code spans, escapes and line
 * breaks into nodes at once and keeps `*`/`_` runs and `[`/`![` openers as pending items; a `]`
 * closes the nearest opener into a link or image when an inline resource follows, and emphasis and
 * strikethrough are resolved over the delimiter runs last (inside each link first; see
 * `attention.ts`). Autolinks and plain literal `http(s)://` links become links (see `autolink.ts`).
 * Constructs outside the subset (raw HTML, entities, other literal URLs and e-mails, reference
 * links) throw `unsupported`. Without definitions (see `index.ts`), a footnote call `[^1]` is
 * plain brackets, as it is to remark-gfm.
 */

import type { PhrasingContent } from 'mdast';
import { findRun, isAsciiPunctuation, runEnd } from '../inline-syntax';
import { type BracketItem, type Item, resolveAttention, toPhrasing } from './attention';
import { angleAutolink, literalAngle, literalLinkEnd } from './autolink';
import { flanking } from './flanking';
import { resource } from './resource';
import { unsupported } from './unsupported';

/** Characters that may start inline syntax (or leave the subset). */
const special = /[\\`*_![\]\n<&~]/g;

/**
 * The inline code span opened by the backtick run at `start`, or `undefined` when no run of the
 * same length closes it (the run is then literal text).
 */
function codeSpan(source: string, start: number, end: number): { value: string; end: number } | undefined {
  const length = end - start;
  const open = findRun(source, '`', length, end);
  if (open === -1) return undefined;
  let value = source.slice(end, open);
  const padded = /^[ \n]/.test(value) && /[ \n]$/.test(value) && /[^ \n]/.test(value);
  if (padded) value = value.slice(1, -1);
  return { value, end: open + length };
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

/** Unescapes `\|` in a code span of a table cell, as remark-gfm does (a `\\` stays, and keeps the `|` after it). */
function unescapeCellPipes(value: string): string {
  return value.includes('\\')
    ? value.replace(/\\([\\|])/g, (pair, char: string) => (char === '|' ? char : pair))
    : value;
}

/**
 * Parses the inline content of a paragraph, heading or table cell (already stripped of block
 * syntax; soft line breaks as `\n`) to mdast phrasing nodes. In a table cell (`inTable`), `\|`
 * in code spans stands for `|`: the escape kept the pipe from splitting the row.
 */
export function parseInline(source: string, inTable = false): PhrasingContent[] {
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

  const link = (url: string, end: number) => {
    push({ kind: 'node', node: { type: 'link', title: null, url, children: [{ type: 'text', value: url }] } });
    index = end;
  };
  /** Where literal links may start (`http://`, `https://`), in order; the next one is `literals[nextLiteral]`. */
  const literals: number[] = [];
  if (source.includes('://')) for (const match of source.matchAll(/https?:\/\//gi)) literals.push(match.index);
  let nextLiteral = 0;

  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    while (nextLiteral < literals.length && (literals[nextLiteral] as number) < index) nextLiteral += 1;
    if (literals[nextLiteral] === index && !/[A-Za-z]/.test(source[index - 1] ?? '')) {
      // GFM's literal link; not inside a link's text (an open `[`), where GFM makes none.
      if (brackets.length > 0) unsupported();
      const end = literalLinkEnd(source, index);
      link(source.slice(index, end), end);
      continue;
    }
    switch (char) {
      case '\\': {
        const next = source[index + 1];
        if (next === '\n') {
          push({ kind: 'node', node: { type: 'break' } });
          index += 2;
          while (source[index] === ' ') index += 1;
        } else if (isAsciiPunctuation(next)) {
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
          const value = inTable ? unescapeCellPipes(span.value) : span.value;
          push({ kind: 'node', node: { type: 'inlineCode', value } });
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
        // Whether it may open or close: CommonMark's flanking rules as remark-cjk-friendly reads them.
        const { open, close } = flanking(source, index, end);
        push({ kind: 'delimiter', char, count: length, length, open, close });
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
      case '<': {
        const autolink = angleAutolink(source, index);
        if (autolink) link(autolink.url, autolink.end);
        else if (literalAngle(source, index)) {
          text += '<';
          index += 1;
        } else unsupported();
        break;
      }
      default: {
        special.lastIndex = index + 1;
        // Stop before the next place a literal link may start.
        const literal = literals[literals[nextLiteral] === index ? nextLiteral + 1 : nextLiteral];
        const end = Math.min(special.exec(source)?.index ?? source.length, literal ?? source.length);
        text += source.slice(index, end);
        index = end;
      }
    }
  }
  flushText();
  resolveAttention(items);
  return toPhrasing(items);
}

/**
 * Math delimiters as models write them, rewritten into the ones remark-math reads, before parsing:
 *
 * | written                       | parsed as                                   |
 * |-------------------------------|---------------------------------------------|
 * | `\(x^2\)`                     | `$x^2$`                                     |
 * | `\[x^2\]`, `$$x^2$$` in text  | `$$x^2$$` (inline math)                     |
 * | `\[x^2\]`, `$$x^2$$` alone on their lines | `$$\nx^2\n$$` (display math)    |
 * | `$x$`                         | `$x$` (pandoc's rules, below)               |
 * | `$5 and $10`, `costs $3.50`   | `\$5 and \$10`, `costs \$3.50` (text)        |
 *
 * A single `$` opens math only when a non-space character follows it, and closes it only after a
 * non-space character and before anything but a digit (pandoc's `tex_math_dollars`), and the
 * first `$` after an opener is its closer or it opens nothing (`$5, and $x$` is a price, then
 * math); `$$` pairs with the next `$$`. Every other `$` is escaped, so remark-math (which has no
 * such rules) reads it as text. Nothing changes inside code spans, fenced or indented code, raw HTML blocks and
 * `$$` display blocks, and a construct never reaches past its paragraph (or heading, or table).
 *
 * Invariant: the rewrite of a text depends only on each paragraph's own text, so a document cut
 * into blocks (`splitBlocks(text, { math: true })`) rewrites to the same blocks as the whole.
 */

import { createScanState, type Leaf, scanLine } from './block-scanner';
import { lineStartOf } from './line-syntax';

/** Leaves whose lines are taken as written. */
function isVerbatim(leaf: Leaf | undefined): boolean {
  return leaf !== undefined && leaf.kind !== 'paragraph';
}

/** `[from, to)` ranges of the text holding inline content (a paragraph, heading or table each). */
function inlineRuns(text: string): Array<[number, number]> {
  const state = createScanState(true);
  const runs: Array<[number, number]> = [];
  let run: { from: number; to: number; leaf: Leaf | undefined } | undefined;
  const flush = () => {
    if (run) runs.push([run.from, run.to]);
    run = undefined;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const before = state.leaf;
    scanLine(state, line.endsWith('\r') ? line.slice(0, -1) : line, lineStart);
    const after = state.leaf;
    const verbatim =
      (isVerbatim(before) && (after === before || (after === undefined && before?.kind !== 'indented'))) ||
      isVerbatim(after);
    if (verbatim || /^[ \t]*\r?$/.test(line)) flush();
    else if (run && after?.kind === 'paragraph' && after === run.leaf) run.to = lineEnd;
    else {
      flush();
      run = { from: lineStart, to: lineEnd, leaf: after };
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  flush();
  return runs;
}

/** Index just past a run of `char` starting at `index`. */
function runEnd(text: string, index: number, char: string): number {
  let end = index;
  while (text[end] === char) end += 1;
  return end;
}

/** Index of the next run of exactly `length` `char`s in `text` from `from` up to `to`, or -1. */
function findRun(text: string, char: string, length: number, from: number, to: number): number {
  let index = text.indexOf(char, from);
  while (index !== -1 && index < to) {
    const end = runEnd(text, index, char);
    if (end - index === length && end <= to) return index;
    index = text.indexOf(char, end);
  }
  return -1;
}

const isSpace = (char: string | undefined): boolean => char === undefined || /\s/.test(char);

/** The closing `$` of inline math opened at `open` (pandoc's rules), or -1. */
function findDollarCloser(text: string, open: number, to: number): number {
  if (isSpace(text[open + 1]) || open + 1 >= to) return -1;
  let index = text.indexOf('$', open + 1);
  while (index !== -1 && text[index - 1] === '\\') index = text.indexOf('$', index + 1);
  // The first `$` after the opener closes it or nothing does: `$5, and $x$` is a price, then math.
  if (index === -1 || index >= to || text[index + 1] === '$') return -1;
  return !isSpace(text[index - 1]) && !/[0-9]/.test(text[index + 1] ?? '') ? index : -1;
}

/** A math span found in a run: delimiters at `[open, contentStart)` and `[contentEnd, close)`. */
interface Span {
  open: number;
  contentStart: number;
  contentEnd: number;
  close: number;
  display: boolean;
}

/** Container markers (quotes, list items) and indentation before a line's content. */
const LINE_PREFIX = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*$/;

function lineEndOf(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end === -1 ? text.length : end;
}

/** Rewrites one span; display math alone on its lines becomes a `$$` block. */
function rewriteSpan(text: string, span: Span): string {
  const content = text.slice(span.contentStart, span.contentEnd);
  if (!span.display) return `$${content}$`;
  const openerLine = lineStartOf(text, span.open);
  const prefix = text.slice(openerLine, span.open);
  const closerLineEnd = lineEndOf(text, span.close);
  const isAlone = LINE_PREFIX.test(prefix) && /^[ \t]*\r?$/.test(text.slice(span.close, closerLineEnd));
  if (content.trim() === '' || !isAlone) {
    // At the start of a line, `$$` followed by more would open a display block: write it inline.
    return LINE_PREFIX.test(prefix) ? `$${content}$` : `$$${content}$$`;
  }
  // Lines added inside the block keep to its containers: `>` stays, list markers become spaces.
  const indent = prefix.replace(/[^>\t]/g, ' ');
  const opener = /^[ \t]*\r?\n/.test(content) ? '$$' : `$$\n${indent}`;
  const closer = /\n[ \t>]*$/.test(content) ? '$$' : `\n${indent}$$`;
  return opener + content.replace(/^[ \t]+|[ \t]+$/g, '') + closer;
}

/** Finds the math spans of one run and escapes the `$` that are text. */
function rewriteRun(text: string, from: number, to: number): string {
  let result = '';
  let cursor = from;
  let index = from;
  const emit = (upTo: number, replacement: string, resume: number) => {
    result += text.slice(cursor, upTo) + replacement;
    cursor = resume;
    index = resume;
  };
  while (index < to) {
    const char = text[index];
    if (char === '\\') {
      const next = text[index + 1];
      if (next === '(' || next === '[') {
        const closer = text.indexOf(next === '(' ? '\\)' : '\\]', index + 2);
        if (closer !== -1 && closer + 2 <= to) {
          const span = {
            open: index,
            contentStart: index + 2,
            contentEnd: closer,
            close: closer + 2,
            display: next === '[',
          };
          emit(index, rewriteSpan(text, span), span.close);
          continue;
        }
      }
      index += 2;
    } else if (char === '`') {
      const end = runEnd(text, index, '`');
      const closer = findRun(text, '`', end - index, end, to);
      index = closer === -1 ? end : closer + (end - index);
    } else if (char === '$') {
      const end = runEnd(text, index, '$');
      const length = end - index;
      const closer =
        length === 1 ? findDollarCloser(text, index, to) : length === 2 ? findRun(text, '$', 2, end, to) : -1;
      if (closer === -1) {
        emit(index, '\\$'.repeat(length), end);
        continue;
      }
      const span = {
        open: index,
        contentStart: end,
        contentEnd: closer,
        close: closer + length,
        display: length === 2,
      };
      emit(index, rewriteSpan(text, span), span.close);
    } else index += 1;
  }
  return result + text.slice(cursor, to);
}

/**
 * Rewrites the math of `markdown` for remark-math (see the module comment): `\(…\)` and `\[…\]` are
 * converted, display math alone on its lines becomes a `$$` block, and every `$` that is not a
 * math delimiter by pandoc's rules is escaped, so prices stay text. Code is left as it is.
 *
 * @example
 * normalizeMath('Area \\(\\pi r^2\\) costs $5 and $10'); // 'Area $\\pi r^2$ costs \\$5 and \\$10'
 */
export function normalizeMath(markdown: string): string {
  if (!/[$\\]/.test(markdown)) return markdown;
  let result = '';
  let cursor = 0;
  for (const [from, to] of inlineRuns(markdown)) {
    const slice = markdown.slice(from, to);
    if (!slice.includes('$') && !slice.includes('\\(') && !slice.includes('\\[')) continue;
    result += markdown.slice(cursor, from) + rewriteRun(markdown, from, to);
    cursor = to;
  }
  return result + markdown.slice(cursor);
}

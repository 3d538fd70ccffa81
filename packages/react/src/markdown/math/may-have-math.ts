/**
 * Whether a block of Markdown may hold math, and so needs the math pipeline (see `load-math.ts`):
 * a cheap, conservative scan that skips delimiters inside code spans and fenced code.
 */

import { fenceOpening, findRun, indentation, isBlank, runEnd } from '@rivulet/core/syntax';

/** Whether `text` holds a math delimiter anywhere: `$`, `\(` or `\[`. */
function holdsDelimiter(text: string): boolean {
  return text.includes('$') || text.includes('\\(') || text.includes('\\[');
}

/**
 * Whether `text` holds a ```` ```math ```` (or `~~~math`) fence line, as GitHub writes display math:
 * three or more backticks or tildes, optional spaces, `math`, then a space or the line's end. Found
 * anywhere in a line, so a fence in a list item or a quote counts too. Linear: each `math` looks back
 * over its own spaces and run only.
 */
function holdsMathFence(text: string): boolean {
  for (let at = text.indexOf('math'); at !== -1; at = text.indexOf('math', at + 4)) {
    const after = text[at + 4];
    if (after !== undefined && !/\s/.test(after)) continue;
    let start = at;
    while (text[start - 1] === ' ' || text[start - 1] === '\t') start -= 1;
    const char = text[start - 1];
    if (char !== '`' && char !== '~') continue;
    let run = start - 1;
    while (text[run - 1] === char) run -= 1;
    if (start - run >= 3) return true;
  }
  return false;
}

/**
 * Whether `markdown` may hold math, and so needs the math pipeline: a `$`, `\(` or `\[` outside
 * code, or a ```` ```math ```` fence. Delimiters inside code spans and fenced code blocks are not math,
 * so an answer whose only `$` are shell or SQL code keeps the quick parser.
 *
 * It is conservative: a wrong `false` would show math as its source, a wrong `true` only costs the
 * slower pipeline. So code is skipped only where CommonMark's reading is certain from the lines
 * alone (see `readLine`); anything less certain counts as text. A text without backticks or `~~~`
 * is not scanned: any delimiter in it counts. A text without delimiters is math only with a
 * ```` ```math ```` fence line, looked for anywhere (even inside another fence).
 */
export function mayHaveMath(markdown: string): boolean {
  if (!holdsDelimiter(markdown)) return markdown.includes('math') && holdsMathFence(markdown);
  if (!markdown.includes('`') && !markdown.includes('~~~')) return true;
  return scanForMath(markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown);
}

/** What the line-by-line scan knows so far. */
interface ScanState {
  /** The fenced code block the line is in: its character, run length and indentation. */
  fence: { char: string; length: number; indent: number } | undefined;
  /** A fence the scan cannot follow may be open (in a list item, a quote): no line opens one now. */
  fencesUnknown: boolean;
  /** A code span may pair differently than its line shows: spans are text until a blank line. */
  spansUnknown: boolean;
}

/** What one line gave: math, an HTML block (the rest is read as a whole), or nothing. */
type LineVerdict = 'math' | 'html' | 'none';

/** What a line of text gave, or that its code spans (and those of the lines below) are unknown. */
type TextVerdict = LineVerdict | 'spans unknown';

/** Reads `markdown` (`\n` line endings) line by line, up to the first line holding math. */
function scanForMath(markdown: string): boolean {
  const state: ScanState = { fence: undefined, fencesUnknown: false, spansUnknown: false };
  let start = 0;
  for (;;) {
    const newline = markdown.indexOf('\n', start);
    const line = markdown.slice(start, newline === -1 ? markdown.length : newline);
    const verdict = readLine(state, line);
    if (verdict === 'math') return true;
    // An HTML block holds anything up to its end, even a fence line: read the rest as a whole.
    if (verdict === 'html') return holdsDelimiter(markdown.slice(start)) || holdsMathFence(markdown.slice(start));
    if (newline === -1) return false;
    start = newline + 1;
  }
}

/**
 * Reads one line. A fence is followed only while its end is certain: it opens at a line CommonMark
 * reads as an opener with no other fence open (up to three spaces in), and it ends at a closing run
 * indented at least as far as the opener (up to three spaces). A line indented less than the opener,
 * or a closing run elsewhere, may end the fence or not (a list item's fence ends with the item): the
 * fence is dropped there and no fence is followed any more. A fence marker after a list or quote
 * marker, or indented four or more, opens a fence this scan does not follow, with the same result.
 */
function readLine(state: ScanState, line: string): LineVerdict {
  if (state.fence) {
    const role = fenceLineRole(state.fence, line);
    if (role === 'closer') state.fence = undefined;
    if (role !== 'unknown') return 'none';
    state.fence = undefined;
    state.fencesUnknown = true;
    state.spansUnknown = false;
  } else if (!state.fencesUnknown) {
    const opening = fenceOpening(line);
    if (opening) {
      if (isMathInfo(opening.info)) return 'math';
      state.fence = { char: opening.char, length: opening.length, indent: opening.indent };
      state.spansUnknown = false;
      return 'none';
    }
    if (hiddenFence.test(line)) state.fencesUnknown = true;
  }
  if (isBlank(line)) {
    state.spansUnknown = false;
    return 'none';
  }
  if (holdsMathFence(line)) return 'math';
  if (mayOpenHtmlBlock(line)) return 'html';
  if (state.spansUnknown) return readPlain(line, 0, 'none');
  const verdict = readText(line);
  if (verdict === 'spans unknown') {
    state.spansUnknown = true;
    return 'none';
  }
  return verdict;
}

/** A fence marker after container markers or indentation only: a fence the scan does not follow. */
const hiddenFence = /^[ \t>*+\-\d.)]*(?:```|~~~)/;

/** Container markers (quotes, list items) and indentation before a line's content. */
const linePrefix = /^[ \t>*+\-\d.)]*/;

/** A `<` starting a line's content (after container markers): maybe an HTML block. */
function mayOpenHtmlBlock(line: string): boolean {
  const at = linePrefix.exec(line)?.[0].length ?? 0;
  return line[at] === '<' && opensMarkup(line, at);
}

/** A fence's language is its info string's first word; escapes or references might spell `math`. */
function isMathInfo(info: string): boolean {
  const language = info.trim().split(/\s/, 1)[0] ?? '';
  return language === 'math' || language.includes('\\') || language.includes('&');
}

/** A line inside a fence: its content, its certain closer, or a line that may end it or not. */
function fenceLineRole(fence: NonNullable<ScanState['fence']>, line: string): 'content' | 'closer' | 'unknown' {
  if (isBlank(line)) return 'content';
  const { columns, index } = indentation(line);
  if (columns < fence.indent) return 'unknown';
  let end = index;
  while (line[end] === fence.char) end += 1;
  if (end - index < fence.length || !isBlank(line.slice(end))) return 'content';
  // Up to three columns (spaces only) closes any fence opened at or before that indentation.
  return columns <= 3 ? 'closer' : 'unknown';
}

/** Characters a backslash escapes (ASCII punctuation). */
const escapable = /[!-/:-@[-`{-~]/;

/**
 * Reads a line of text for math outside its code spans. A span counts as code only when it
 * closes on the same line: then CommonMark pairs it the same wherever the paragraph began. Spans
 * turn unknown (text from there on) at a run with no closer on the line, at a span holding a pipe
 * (a table cell may end inside it), at a link destination or label, HTML tag or autolink that may
 * hold a backtick, and at a backtick inside a bare URL (GFM autolinks take it in).
 */
function readText(line: string): TextVerdict {
  let inUrl = false;
  let pipe = line.indexOf('|');
  let index = 0;
  while (index < line.length) {
    const char = line[index];
    if (char === '`') {
      const end = runEnd(line, index, '`');
      const closer = inUrl ? -1 : findRun(line, '`', end - index, end);
      while (pipe !== -1 && pipe < end) pipe = line.indexOf('|', pipe + 1);
      if (closer === -1 || (pipe !== -1 && pipe < closer)) return readPlain(line, index, 'spans unknown');
      index = closer + (end - index);
      continue;
    }
    if (char === '$') return 'math';
    if (char === '\\') {
      const next = line[index + 1] ?? '';
      if (next === '(' || next === '[' || next === '$') return 'math';
      index += escapable.test(next) ? 2 : 1;
      continue;
    }
    if (mayTakeBackticks(line, index)) return readPlain(line, index, 'spans unknown');
    if (char === ' ' || char === '\t') inUrl = false;
    else if (startsUrl(line, index)) inUrl = true;
    index += 1;
  }
  return 'none';
}

/** The rest of a line from `from`, read with no code spans at all: `otherwise` when it holds nothing. */
function readPlain<T extends TextVerdict>(line: string, from: number, otherwise: T): LineVerdict | T {
  return holdsDelimiter(line.slice(from)) ? 'math' : otherwise;
}

/** A `<` that may open an HTML tag, an HTML block or an autolink: anything but a space follows. */
function opensMarkup(line: string, index: number): boolean {
  const next = line[index + 1];
  return next !== undefined && next !== ' ' && next !== '\t';
}

/**
 * A construct that may hold a backtick outside any span: a reference label (`][`), a footnote
 * label (`[^`), an inline link's destination unless it is plain up to its `)` on this line, or
 * an inline HTML tag or autolink unless it is one word up to its `>` on this line.
 */
function mayTakeBackticks(line: string, index: number): boolean {
  const char = line[index];
  const next = line[index + 1];
  if (char === '<') return opensMarkup(line, index) && !isPlainTag(line, index + 1);
  if (char === '[') return next === '^';
  if (char !== ']') return false;
  return next === '[' || (next === '(' && !isPlainDestination(line, index + 2));
}

/** A destination with no quote, backtick, paren, `<` or backslash before the line's next `)`. */
function isPlainDestination(line: string, from: number): boolean {
  for (let index = from; index < line.length; index += 1) {
    const char = line[index];
    if (char === ')') return true;
    if (char === '`' || char === '"' || char === "'" || char === '(' || char === '<' || char === '\\') return false;
  }
  return false;
}

/** A tag or autolink with no space, backtick or `<` before the line's next `>`. */
function isPlainTag(line: string, from: number): boolean {
  for (let index = from; index < line.length; index += 1) {
    const char = line[index];
    if (char === '>') return true;
    if (char === '`' || char === '<' || char === ' ' || char === '\t') return false;
  }
  return false;
}

/** Where a GFM autolink literal may begin: `://` or `www.` (any case). */
function startsUrl(line: string, index: number): boolean {
  const char = line[index];
  if (char === ':') return line.startsWith('//', index + 1);
  return (char === 'w' || char === 'W') && line.slice(index, index + 4).toLowerCase() === 'www.';
}

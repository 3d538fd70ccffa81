/**
 * Block-level repair of the document's last lines: closes an open code fence (keeping its info string
 * and container prefix), hides a last line that so far is only a block marker, and holds back a table
 * delimiter row until it is valid. Also finds where the open inline content (paragraph, heading or
 * table cell) starts, for the inline handlers.
 *
 * | last line (incomplete)        | repaired                                  |
 * |-------------------------------|-------------------------------------------|
 * | `#`, `-`, `* `, `1.`, `>`, `|` | hidden                                    |
 * | `12`, `3.` (where a list can start) | hidden; continuing a paragraph in its containers, kept (`1.` hidden) |
 * | `<di`, `</`, `<!-` (an HTML block so far) | hidden                              |
 * | `` ` ``, ` `` `, `~~~`        | hidden (a fence may be starting)          |
 * | ` ```js ` / inside a fence    | fence closed: ` ```js\n``` `              |
 * | ` `` ` inside a ``` fence     | replaced by the full closing fence        |
 * | `| --- | -` under `| a |`     | hidden until its cells match the header   |
 * | `$$\nx^2` (math)              | display math closed: `$$\nx^2\n$$`        |
 * | `$$` alone (math)             | hidden until its content arrives          |
 */

import { cloneScanState, continuesContainers, type Leaf, type ScanState, scanLine } from '../block-scanner';
import {
  closingFenceRun,
  isAtxHeading,
  isDelimiterRow,
  isHtmlBlockStartSoFar,
  listMarker,
  quoteContent,
  tableCells,
} from '../line-syntax';

/** A last line that is nothing yet but the start of a block marker. */
const HALF_TYPED = /^[ \t]*(?:#{1,6}|[-*+]|\d{1,9}[.)]|\||`+|~+)?[ \t]*$/;

/** A last line that is only a number, maybe with its list delimiter: an ordered list marker so far? */
const NUMBER_START = /^[ \t]*\d{1,9}(?:[.)][ \t]*)?$/;
/** The one start number whose list may interrupt a paragraph (once its item has content). */
const INTERRUPTING_NUMBER = /^[ \t]*0*1(?:[.)][ \t]*)?$/;

/** True when `line` (the text after the last newline) is only the start of a block marker so far. */
export function isHalfTypedLine(line: string): boolean {
  return line !== '' && HALF_TYPED.test(withoutQuotes(line));
}

/** What follows the list item markers opening `line` (`1. 1.` holds `1.`), or `line` without any. */
function afterListMarkers(line: string, continuesParagraph = false): string {
  const first = listMarker(line);
  // Continuing a paragraph, only a list starting at 1 (or a bullet) can interrupt it.
  if (continuesParagraph && first?.ordered && first.start !== 1) return line;
  let rest = line;
  for (let marker = first; marker && !marker.isEmpty; marker = listMarker(rest)) {
    rest = rest.slice(marker.contentIndex);
  }
  return rest;
}

/** The line with its block quote markers and leading spaces removed. */
function withoutQuotes(line: string): string {
  let rest = line;
  for (let inner = quoteContent(rest); inner !== undefined; inner = quoteContent(rest)) rest = inner;
  return rest.trimStart();
}

/** The text a line needs before a closing fence so it stays inside the same containers. */
function containerPrefix(state: ScanState): string {
  return state.containers
    .map((container) => (container.kind === 'quote' ? '> ' : ' '.repeat(container.contentOffset)))
    .join('');
}

function closeFence(text: string, lastLine: string, state: ScanState, leaf: Extract<Leaf, { kind: 'fence' }>): string {
  const closer = containerPrefix(state) + leaf.char.repeat(leaf.length);
  // A last line that is only the closer being typed becomes the whole closer.
  if (closingFenceRun(lastLine)?.char === leaf.char) return text.slice(0, text.length - lastLine.length) + closer;
  return text + (text.endsWith('\n') ? '' : '\n') + closer;
}

/**
 * Closes display math left open at the end (`$$\nx^2` gets `\n$$`, a half-typed closing line is
 * completed); display math with nothing in it yet is hidden, opener line included.
 */
function closeMath(
  text: string,
  lastLine: string,
  state: ScanState,
  leaf: Extract<Leaf, { kind: 'math' }>,
): TailRepair {
  const openerLineStart = text.lastIndexOf('\n', leaf.start - 1) + 1;
  const contentStart = text.indexOf('\n', leaf.start);
  const partial = lastLine !== '' && /^[ \t>]*\$+[ \t]*$/.test(lastLine);
  const body = partial ? text.slice(0, text.length - lastLine.length) : text;
  if (
    contentStart === -1 ||
    body
      .slice(contentStart)
      .replace(/^[ \t>]*/gm, '')
      .trim() === ''
  ) {
    return { text: text.slice(0, openerLineStart), inlineStart: -1, hidLine: true };
  }
  const closer = containerPrefix(state) + '$'.repeat(leaf.length);
  const closed = partial ? body + closer : text + (text.endsWith('\n') ? '' : '\n') + closer;
  return { text: closed, inlineStart: -1, hidLine: false };
}

export interface TailRepair {
  /** The text with block-level repairs applied. */
  text: string;
  /** Offset where the open inline content starts, or -1 when there is none to repair. */
  inlineStart: number;
  /** True when a half-typed last line was hidden (repair runs again on the shorter text). */
  hidLine: boolean;
}

/** Repair the last line(s) of `text`, given the scanner state after all complete lines. */
export function repairBlockTail(text: string, state: ScanState): TailRepair {
  const lineStart = text.lastIndexOf('\n') + 1;
  const lastLine = text.slice(lineStart);
  const openLeaf = state.leaf;
  if (openLeaf?.kind === 'fence') {
    const probe = cloneScanState(state);
    scanLine(probe, lastLine, lineStart);
    if (probe.leaf?.kind === 'fence' && probe.leaf.start === openLeaf.start) {
      return { text: closeFence(text, lastLine, state, openLeaf), inlineStart: -1, hidLine: false };
    }
    if (probe.leaf === undefined && probe.containers.length === state.containers.length) {
      return { text, inlineStart: -1, hidLine: false }; // the last line is the closing fence
    }
  }
  if (openLeaf?.kind === 'math') {
    const probe = cloneScanState(state);
    scanLine(probe, lastLine, lineStart);
    if (probe.leaf?.kind === 'math' && probe.leaf.start === openLeaf.start)
      return closeMath(text, lastLine, state, openLeaf);
    if (probe.leaf === undefined && probe.containers.length === state.containers.length) {
      return { text, inlineStart: -1, hidLine: false }; // the last line closes the math
    }
  }
  if (openLeaf?.kind === 'html' && lastLine !== '') {
    // An HTML block swallows the line, unless the line leaves the containers the block is in.
    const probe = cloneScanState(state);
    scanLine(probe, lastLine, lineStart);
    if (probe.leaf?.kind === 'html' && probe.leaf.start === openLeaf.start)
      return { text, inlineStart: -1, hidLine: false };
    if (probe.leaf === undefined && probe.containers.length === state.containers.length) {
      return { text, inlineStart: -1, hidLine: false }; // the line ends the HTML block
    }
  } else if (openLeaf?.kind === 'html' || lastLine === '') {
    const inlineStart =
      lastLine === '' && openLeaf?.kind === 'paragraph' ? inlineStartOf(text, openLeaf, lineStart) : -1;
    return { text, inlineStart, hidLine: false };
  }
  const content = withoutQuotes(lastLine);
  // A number is a list marker in the making (`12`, `3.`) only where a list could start; continuing
  // a paragraph, only a list starting at 1 can interrupt it, so other numbers are text already. A
  // line outside the paragraph's list item (`2.` under `1. a`) is not its continuation: an item's
  // marker can start there, whatever its number.
  const isNumber = NUMBER_START.test(content);
  const continuesParagraph = openLeaf?.kind === 'paragraph' && continuesContainers(state, lastLine);
  // An item's content that so far is only a marker of its own (`1. 1`, `- #`) is half-typed too.
  const inner = afterListMarkers(content, continuesParagraph);
  const isHalfTypedItem = inner !== content && (NUMBER_START.test(inner) || HALF_TYPED.test(inner));
  const isHalfTypedLine = isNumber
    ? !continuesParagraph || INTERRUPTING_NUMBER.test(content)
    : HALF_TYPED.test(content) || isHtmlBlockStartSoFar(content);
  const isHalfTyped =
    (isHalfTypedItem || isHalfTypedLine) && !(openLeaf?.kind === 'indented' && /^ {4}/.test(lastLine));
  const previous = openLeaf?.kind === 'paragraph' && !openLeaf.isTable ? openLeaf.lastLine : undefined;
  const isPendingDelimiter =
    previous?.includes('|') === true &&
    /^[ \t|:-]+$/.test(content) &&
    !(isDelimiterRow(content) && tableCells(content).length === tableCells(previous).length);
  if (isHalfTyped || isPendingDelimiter) return { text: text.slice(0, lineStart), inlineStart: -1, hidLine: true };

  scanLine(state, lastLine, lineStart);
  const leaf = state.leaf;
  if (leaf?.kind === 'fence') return { text: closeFence(text, '', state, leaf), inlineStart: -1, hidLine: false };
  // A `$$` line is hidden until its math arrives.
  if (leaf?.kind === 'math') return { text: text.slice(0, lineStart), inlineStart: -1, hidLine: true };
  if (leaf?.kind === 'paragraph') return { text, inlineStart: inlineStartOf(text, leaf, lineStart), hidLine: false };
  const headingLine = afterListMarkers(content);
  if (leaf === undefined && isAtxHeading(headingLine)) {
    const heading = /^#{1,6}[ \t]*/.exec(headingLine)?.[0].length ?? 0;
    return { text, inlineStart: text.length - headingLine.length + heading, hidLine: false };
  }
  return { text, inlineStart: -1, hidLine: false };
}

/** Start of the open inline content: the paragraph, or in a table the last cell of the last row. */
function inlineStartOf(text: string, leaf: Extract<Leaf, { kind: 'paragraph' }>, lineStart: number): number {
  if (!leaf.isTable) return leaf.start;
  const rowStart = lineStart === text.length ? text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
  const row = text.slice(rowStart);
  const pipe = Math.max(row.search(/(?<!\\)\|[^|]*$/), -1);
  if (pipe === -1) return rowStart;
  return /\|\s*$/.test(row) ? -1 : rowStart + pipe + 1;
}

/**
 * Block scanner: follows CommonMark's block structure one complete line at a time and reports where
 * a new top-level block starts. It keeps the open containers (block quotes, list items) and the open
 * leaf (paragraph or table, fenced code, HTML block, indented code), because a fence or HTML comment
 * opened anywhere decides whether a later blank line separates blocks at all.
 *
 * Invariant the splitter relies on: the answer for a line depends only on the lines before it and the
 * line itself, so a boundary, once reported, stays a boundary however the text continues.
 */

import {
  closesFence,
  closesMath,
  fenceOpening,
  footnoteDefinitionStart,
  htmlOpening,
  indentation,
  isAtxHeading,
  isBlank,
  isDelimiterRow,
  isThematicBreak,
  listMarker,
  mathOpening,
  quoteContent,
  setextLevel,
  stripColumns,
  tableCells,
} from './line-syntax';

type Container = { kind: 'quote' } | { kind: 'item'; contentOffset: number; listKey: string; hasContent: boolean };

/** The innermost open leaf block. `start` is the text offset where its content begins. */
export type Leaf =
  | { kind: 'paragraph'; start: number; isTable: boolean; lastLine: string; lineCount: number }
  | { kind: 'fence'; start: number; char: '`' | '~'; length: number }
  /** A `$$` display math block (only when the scan reads math). */
  | { kind: 'math'; start: number; length: number }
  | { kind: 'html'; start: number; end: RegExp | undefined }
  | { kind: 'indented'; start: number };

/** What the current top-level block is, as far as its end is concerned. */
type TopKind = 'none' | 'list' | 'quote' | 'paragraph' | 'heading' | 'break' | 'fence' | 'html' | 'indented';

export interface ScanState {
  containers: Container[];
  leaf: Leaf | undefined;
  top: TopKind;
  /** Bullet or ordered delimiter of the top-level list, when `top` is `'list'`. */
  topListKey: string;
  /** The top-level block cannot take more lines (closed fence, heading, thematic break, ended HTML). */
  isTopClosed: boolean;
  /** A blank line came after the last non-blank line. */
  sawBlank: boolean;
  /**
   * `$$` lines open and close display math (as remark-math reads them): the lines between are one
   * leaf, never cut at a blank line, and nothing in them opens a fence or an HTML block.
   */
  readonly math: boolean;
}

export function createScanState(math = false): ScanState {
  return { containers: [], leaf: undefined, top: 'none', topListKey: '', isTopClosed: false, sawBlank: false, math };
}

export function cloneScanState(state: ScanState): ScanState {
  return {
    ...state,
    containers: state.containers.map((container) => ({ ...container })),
    leaf: state.leaf && { ...state.leaf },
  };
}

/** A line that would start a block rather than continue a paragraph lazily. */
function startsBlock(line: string, math: boolean): boolean {
  return (
    (math && mathOpening(line) !== undefined) ||
    isAtxHeading(line) ||
    fenceOpening(line) !== undefined ||
    isThematicBreak(line) ||
    quoteContent(line) !== undefined ||
    htmlOpening(line, true) !== undefined
  );
}

/** Match the open containers against `line`; returns how many matched and what remains of the line. */
function matchContainers(state: ScanState, line: string): { matched: number; rest: string } {
  let rest = line;
  let matched = 0;
  for (const container of state.containers) {
    if (container.kind === 'quote') {
      const inner = quoteContent(rest);
      if (inner === undefined) break;
      rest = inner;
    } else if (isBlank(rest)) {
      // An item that began with a blank marker line cannot start with a second blank line.
      if (!container.hasContent) break;
    } else if (indentation(rest).columns >= container.contentOffset) {
      rest = stripColumns(rest, container.contentOffset);
      container.hasContent = true;
    } else break;
    matched += 1;
  }
  return { matched, rest };
}

/** Whether `line` goes on inside every open container, not lazily; `state` is left as it was. */
export function continuesContainers(state: ScanState, line: string): boolean {
  const probe = cloneScanState(state);
  return matchContainers(probe, line).matched === probe.containers.length;
}

/** Lines that an open fence, HTML block or indented code block swallows whole. Returns true if consumed. */
function continueLeaf(state: ScanState, rest: string): boolean {
  const leaf = state.leaf;
  const atTop = state.containers.length === 0;
  if (leaf?.kind === 'fence') {
    if (closesFence(rest, leaf)) {
      state.leaf = undefined;
      if (atTop) state.isTopClosed = true;
    }
    return true;
  }
  if (leaf?.kind === 'math') {
    // Display math ends at its closing line; what follows continues the block it sits in (math
    // interrupts a paragraph, and the splitter never cuts where math off would read one paragraph).
    if (closesMath(rest, leaf.length)) state.leaf = undefined;
    return true;
  }
  if (leaf?.kind === 'html') {
    if (leaf.end === undefined) {
      if (!isBlank(rest)) return true;
      state.leaf = undefined;
      return false;
    }
    if (leaf.end.test(rest)) {
      state.leaf = undefined;
      if (atTop) state.isTopClosed = true;
    }
    return true;
  }
  if (leaf?.kind === 'indented' && (isBlank(rest) || indentation(rest).columns >= 4)) return true;
  return false;
}

/** `listKey` of a footnote definition (no list marker has it): see `openContainers`. */
const footnoteKey = '[^';

/**
 * Open block quotes, list items and footnote definitions at the start of `rest`. A footnote
 * definition (`[^1]: text`, only followed at the top level: `atTop`) is held as an item whose
 * content is indented by 4 columns, as GFM reads it: its later paragraphs and code, indented,
 * stay in it across blank lines, and it may interrupt a paragraph. Containers on its first line
 * (`[^1]: - item`) are not followed: its content is a leaf here.
 */
function openContainers(rest: string, canInterrupt: boolean, atTop: boolean): { opened: Container[]; rest: string } {
  const opened: Container[] = [];
  let remaining = rest;
  const footnote = atTop ? footnoteDefinitionStart(remaining) : 0;
  if (footnote > 0) {
    opened.push({ kind: 'item', contentOffset: 4, listKey: footnoteKey, hasContent: true });
    return { opened, rest: remaining.slice(footnote) };
  }
  while (indentation(remaining).columns < 4) {
    const inner = quoteContent(remaining);
    if (inner !== undefined) {
      opened.push({ kind: 'quote' });
      remaining = inner;
      continue;
    }
    const marker = listMarker(remaining);
    if (!marker) break;
    // A list interrupting a paragraph must start with 1 and must not be empty.
    const interrupts = canInterrupt && opened.length === 0;
    if (interrupts && (marker.isEmpty || (marker.ordered && marker.start !== 1))) break;
    opened.push({
      kind: 'item',
      contentOffset: marker.contentOffset,
      listKey: marker.key,
      hasContent: !marker.isEmpty,
    });
    remaining = remaining.slice(marker.contentIndex);
  }
  return { opened, rest: remaining };
}

/** Open or continue the leaf block for what is left of the line. Returns the kind at top level. */
function openLeaf(state: ScanState, rest: string, start: number, isContinuation: boolean): TopKind {
  const leaf = state.leaf;
  const paragraph = leaf?.kind === 'paragraph' && isContinuation ? leaf : undefined;
  const math = state.math ? mathOpening(rest) : undefined;
  if (math !== undefined) {
    state.leaf = { kind: 'math', start, length: math };
    return 'paragraph';
  }
  const fence = fenceOpening(rest);
  if (fence) {
    state.leaf = { kind: 'fence', start, char: fence.char, length: fence.length };
    return 'fence';
  }
  const html = htmlOpening(rest, paragraph !== undefined);
  if (html) {
    const endsHere = html.end?.test(rest.slice(1)) ?? false;
    state.leaf = endsHere ? undefined : { kind: 'html', start, end: html.end };
    return 'html';
  }
  if (paragraph && !paragraph.isTable && paragraph.lineCount > 0 && isDelimiterRow(rest)) {
    if (tableCells(rest).length === tableCells(paragraph.lastLine).length) paragraph.isTable = true;
  }
  if (isAtxHeading(rest) || (paragraph && !paragraph.isTable && setextLevel(rest) !== undefined)) {
    state.leaf = undefined;
    return 'heading';
  }
  if (isThematicBreak(rest)) {
    state.leaf = undefined;
    return 'break';
  }
  if (!paragraph && indentation(rest).columns >= 4) {
    state.leaf = { kind: 'indented', start };
    return 'indented';
  }
  if (paragraph) {
    paragraph.lastLine = rest;
    paragraph.lineCount += 1;
    return 'paragraph';
  }
  state.leaf = { kind: 'paragraph', start, isTable: false, lastLine: rest, lineCount: 1 };
  return 'paragraph';
}

/**
 * Feed one complete line (without its line ending) that starts at text offset `offset`.
 * Returns true when the line begins a new top-level block whose boundary is final.
 */
export function scanLine(state: ScanState, line: string, offset: number): boolean {
  const hadTop = state.top !== 'none';
  const wasClosed = state.isTopClosed;
  const wasList = state.top === 'list' && state.topListKey !== footnoteKey;
  const sawBlank = state.sawBlank;
  const blank = isBlank(line);
  state.sawBlank = blank;
  const { matched, rest: afterMatch } = matchContainers(state, line);
  const allMatched = matched === state.containers.length;
  if (allMatched && continueLeaf(state, afterMatch)) return false;

  if (blank) {
    if (!allMatched || state.leaf?.kind === 'paragraph') state.leaf = undefined;
    state.containers.length = matched;
    // A list survives blank lines (a later item of the same kind continues it); everything else ends.
    if (state.containers.length === 0 && state.leaf === undefined && state.top !== 'none' && state.top !== 'list') {
      state.isTopClosed = true;
    }
    return false;
  }

  const canInterrupt = allMatched && state.leaf?.kind === 'paragraph';
  const { opened, rest } = openContainers(afterMatch, canInterrupt, matched === 0);
  if (opened.length === 0 && !allMatched && state.leaf?.kind === 'paragraph' && !startsBlock(rest, state.math)) {
    return false; // lazy continuation line
  }

  if (!allMatched || opened.length > 0) state.leaf = undefined;
  state.containers.length = matched;
  state.containers.push(...opened);
  const start = Math.max(offset, offset + line.length - rest.length);
  const isContinuation = allMatched && opened.length === 0;
  // A line blank inside its containers (`>` alone) ends the paragraph in them, as a blank line would.
  if (isBlank(rest) && state.leaf?.kind === 'paragraph') state.leaf = undefined;
  const leafKind = isBlank(rest) ? undefined : openLeaf(state, rest, start, isContinuation);
  if (matched > 0) return false;

  const first = opened[0];
  let kind: TopKind;
  if (first) {
    kind = first.kind === 'quote' ? 'quote' : 'list';
    // Each footnote definition is a block of its own (after a blank line), unlike the items of a list.
    const sameList =
      first.kind === 'item' &&
      first.listKey !== footnoteKey &&
      state.top === 'list' &&
      state.topListKey === first.listKey &&
      !wasClosed;
    state.topListKey = first.kind === 'item' ? first.listKey : '';
    if (sameList) return false;
  } else {
    kind = leafKind ?? 'paragraph';
    if (kind === 'paragraph' && isContinuation && state.top === 'paragraph' && !wasClosed) return false;
    if (kind === 'heading' && isContinuation && state.top === 'paragraph' && !wasClosed && !isAtxHeading(rest)) {
      state.isTopClosed = true; // a setext underline ends the paragraph it belongs to
      return false;
    }
  }
  // A list, quote, thematic break or HTML block that interrupts a paragraph (or a table) ends it for
  // good: the line is complete, so it can no longer be read as the paragraph's lazy continuation.
  // So does any line that leaves a list without a blank line before it (outside its items, neither
  // lazy nor an item of the same list: `- a` then `> b`), except after footnote definitions.
  const interrupts =
    !wasClosed &&
    ((state.top === 'paragraph' && kind !== 'paragraph' && kind !== 'indented') || (wasList && !sawBlank));
  state.top = kind;
  state.isTopClosed = kind === 'heading' || kind === 'break' || (kind === 'html' && state.leaf === undefined);
  if (!hadTop) return false;
  return sawBlank || wasClosed || interrupts || kind === 'heading' || kind === 'fence';
}

/** Characters a list item's marker can start with (`-`, `+`, `*`, a digit). */
function mayStartListMarker(code: number): boolean {
  return code === 45 || code === 43 || code === 42 || (code >= 48 && code <= 57);
}

const isWhiteSpace = (code: number) => code === 32 || code === 9 || code === 13;

/**
 * Whether the incomplete last line, starting at `from` in `text`, already begins a new top-level
 * block, however it ends (`scanLine` will return true for it). The line is not fed: the state stays
 * as it was. Two cases:
 * - the top-level block before it is closed (a blank line, a heading, a thematic break or a closed
 *   fence ended it) and nothing open can take the line: any line that is not blank starts a block,
 *   and this one has a character other than a space, a tab or a carriage return;
 * - a top-level list after a blank line: a line that starts at its first column with a character
 *   no list marker starts with is not inside any item and does not continue the list;
 * - a top-level list right above (no blank line): a line outside its item that starts a block
 *   quote, an ATX heading or an item of another list (`- a` then `> b`, `## b`, `1) b`).
 */
export function opensTopBlock(state: ScanState, text: string, from: number): boolean {
  if (from >= text.length || state.top === 'none') return false;
  if (state.top === 'list' && state.sawBlank) {
    const code = text.charCodeAt(from);
    return !isWhiteSpace(code) && !mayStartListMarker(code);
  }
  if (state.top === 'list' && !state.isTopClosed && state.topListKey !== footnoteKey) {
    const item = state.containers[0];
    const line = text.slice(from);
    if (item?.kind !== 'item' || indentation(line).columns >= item.contentOffset) return false;
    const marker = listMarker(line);
    if (marker) return !marker.isEmpty && marker.key !== state.topListKey;
    return quoteContent(line) !== undefined || /^ {0,3}#{1,6}[ \t]/.test(line);
  }
  if (!state.isTopClosed || state.containers.length > 0 || state.leaf !== undefined) return false;
  for (let index = from; index < text.length; index += 1) {
    if (!isWhiteSpace(text.charCodeAt(index))) return true;
  }
  return false;
}

/**
 * Feed every complete line of `text` from offset `from` (a line start). Calls `onBoundary` with the
 * offset of each line that starts a final top-level block; returns the offset of the first line not
 * fed (the incomplete last line, or `text.length`).
 */
export function scanLines(state: ScanState, text: string, from: number, onBoundary?: (offset: number) => void): number {
  let lineStart = from;
  let newline = text.indexOf('\n', lineStart);
  while (newline !== -1) {
    const end = newline > lineStart && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    if (scanLine(state, text.slice(lineStart, end), lineStart)) onBoundary?.(lineStart);
    lineStart = newline + 1;
    newline = text.indexOf('\n', lineStart);
  }
  return lineStart;
}

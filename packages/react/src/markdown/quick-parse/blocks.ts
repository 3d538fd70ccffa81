/**
 * Block structure of the common subset (see `index.ts`): paragraphs, ATX headings, thematic
 * breaks, fenced code with backticks, block quotes, bullet and ordered lists (nested, tight or
 * loose) and GFM tables. Parsed from lines already stripped of their container's prefixes, so
 * a list item or a quote parses its content with the same function. Whatever could be read two
 * ways without the full CommonMark rules (lazy continuation lines, setext headings, indented code,
 * empty or task list items, HTML) throws `unsupported`.
 */

import type { AlignType, BlockContent, Code, List, ListItem, Table, TableRow } from 'mdast';
import { parseInline } from './inline';
import { unsupported } from './unsupported';

/** A parsed block and whether blank lines separate it from the block before it. */
interface Parsed {
  node: BlockContent;
  blankBefore: boolean;
}

type Lines = readonly string[];

const blank = /^ *$/;
const heading = /^(#{1,6})(?: (.*))?$/;
const thematicBreak = /^(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/;
const setextUnderline = /^(?:=+|-+) *$/;
const fenceOpening = /^(`{3,})(.*)$/;
/** A closing fence line: its backtick run must be at least as long as the opening one. */
const fenceClosing = /^ {0,3}(`{3,}) *$/;
const listMarker = /^([-+*]|(\d{1,9})([.)]))( +)(?=\S)/;
/** A list marker with no content: an empty item, which has rules of its own. */
const emptyItem = /^(?:[-+*]|\d{1,9}[.)]) *$/;
const anyListStart = /^(?:[-+*]|\d{1,9}[.)])(?: |$)/;
const taskMarker = /^\[[ xX]\](?: |$)/;
const delimiterRow = /^\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/;

function indentOf(line: string): number {
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent += 1;
  return indent;
}

interface Marker {
  /** `-`, `+`, `*`, `.` or `)`: items of one list share it. */
  kind: string;
  start: number | null;
  /** Columns before the item's content: continuation lines are indented at least this much. */
  width: number;
}

/** The list marker starting `line` (indented 0-3 spaces), or `undefined`. */
function markerOf(line: string, indent: number): Marker | undefined {
  const match = listMarker.exec(line.slice(indent));
  if (!match) return undefined;
  const spaces = (match[4] as string).length;
  // Five or more spaces start the content with indented code.
  if (spaces > 4) unsupported();
  const ordered = match[2] !== undefined;
  return {
    kind: ordered ? (match[3] as string) : (match[1] as string),
    start: ordered ? Number(match[2]) : null,
    width: indent + (match[0] as string).length,
  };
}

/** Whether `line` (not blank, indented 0-3) ends a paragraph rather than continuing it. */
function interruptsParagraph(line: string, indent: number): boolean {
  const rest = line.slice(indent);
  // Setext underlines, and delimiter rows (GFM takes `:-` without pipes too) under a table header.
  if (setextUnderline.test(rest) || delimiterRow.test(rest)) unsupported();
  if (rest.startsWith('~~~')) unsupported();
  if (heading.test(rest) || thematicBreak.test(rest) || rest[0] === '>' || rest.startsWith('```')) return true;
  // A list interrupts a paragraph only with a bullet or the number 1.
  const marker = markerOf(line, indent);
  return marker !== undefined && (marker.start === null || marker.start === 1);
}

/** Splits a table row into its cells' raw text; escaped pipes stay escaped (the cell parses them). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  let start = 0;
  for (let index = 0; index < row.length; index += 1) {
    const char = row[index];
    if (char === '\\') index += 1;
    else if (char === '|') {
      cells.push(row.slice(start, index).trim());
      start = index + 1;
    }
  }
  const last = row.slice(start).trim();
  if (last !== '' || start < row.length || !line.trimEnd().endsWith('|')) cells.push(last);
  if (cells.length === 0) unsupported();
  return cells;
}

function alignOf(cell: string): AlignType {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}

function tableRow(cells: readonly string[]): TableRow {
  return {
    type: 'tableRow',
    children: cells.map((cell) => ({ type: 'tableCell', children: parseInline(cell, true) })),
  };
}

function parseTable(lines: Lines, start: number, header: readonly string[]): { node: Table; end: number } {
  const delimiters = cellsOf(lines[start + 1] as string);
  const rows = [tableRow(header)];
  let index = start + 2;
  for (; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (blank.test(line)) break;
    const indent = indentOf(line);
    // Any other block start (even one that could not interrupt a paragraph) ends the table.
    if (indent >= 4 || anyListStart.test(line.slice(indent)) || interruptsParagraph(line, indent)) unsupported();
    rows.push(tableRow(cellsOf(line)));
  }
  return { node: { type: 'table', align: delimiters.map(alignOf), children: rows }, end: index };
}

function parseFence(lines: Lines, start: number, indent: number): { node: Code; end: number } {
  const match = fenceOpening.exec((lines[start] as string).slice(indent)) as RegExpExecArray;
  const fence = match[1] as string;
  const info = (match[2] as string).trim();
  if (/[`\\&]/.test(info)) unsupported();
  const content: string[] = [];
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const closing = fenceClosing.exec(line);
    if (closing && (closing[1] as string).length >= fence.length) {
      const space = info.search(/ /);
      return {
        node: {
          type: 'code',
          lang: info === '' ? null : space === -1 ? info : info.slice(0, space),
          meta: space === -1 ? null : info.slice(space).trim() || null,
          value: content.join('\n'),
        },
        end: index + 1,
      };
    }
    content.push(line.slice(Math.min(indent, indentOf(line))));
  }
  // A fence still open at the end of its container.
  return unsupported();
}

function parseList(lines: Lines, start: number, first: Marker, interrupting: boolean): { node: List; end: number } {
  const items: ListItem[] = [];
  let spread = false;
  let index = start;
  let marker: Marker | undefined = first;
  while (marker) {
    const line = lines[index] as string;
    const content = [line.slice(marker.width)];
    if (taskMarker.test(content[0] as string)) unsupported();
    index += 1;
    let lastContent = index;
    while (index < lines.length) {
      const next = lines[index] as string;
      if (blank.test(next)) content.push('');
      else if (indentOf(next) >= marker.width) {
        content.push(next.slice(marker.width));
        lastContent = index + 1;
      } else break;
      index += 1;
    }
    // Blank lines after the item's content lie between it and what follows.
    content.length -= index - lastContent;
    const children = parseBlocks(content, interrupting && items.length === 0);
    items.push({
      type: 'listItem',
      spread: children.some((child, position) => position > 0 && child.blankBefore),
      checked: null,
      children: children.map((child) => child.node),
    });
    if (index >= lines.length) {
      index = lastContent;
      break;
    }
    const next = lines[index] as string;
    const indent = indentOf(next);
    // `- - -` is a thematic break before it is an item.
    const sibling = indent < 4 && !thematicBreak.test(next.slice(indent)) ? markerOf(next, indent) : undefined;
    if (sibling && sibling.kind === first.kind) {
      if (lastContent < index) spread = true;
      marker = sibling;
      continue;
    }
    // Anything else right after the item would be read as a lazy continuation or a new list.
    if (lastContent === index) unsupported();
    index = lastContent;
    marker = undefined;
  }
  return {
    node: { type: 'list', ordered: first.start !== null, start: first.start, spread, children: items },
    end: index,
  };
}

/**
 * Parses lines (of the document or of a container's content) into blocks. `interrupting`: the
 * container opened right after a paragraph line, where micromark reads its first line as it reads
 * a line interrupting a paragraph.
 */
export function parseBlocks(lines: Lines, interrupting = false): Parsed[] {
  const blocks: Parsed[] = [];
  /** Whether a container starting here comes right after a paragraph line (or starts an interrupting one). */
  const afterParagraph = () =>
    !blankBefore && (blocks.length === 0 ? interrupting : blocks[blocks.length - 1]?.node.type === 'paragraph');
  let blankBefore = false;
  let index = 0;
  const add = (node: BlockContent, end: number) => {
    blocks.push({ node, blankBefore });
    blankBefore = false;
    index = end;
  };
  while (index < lines.length) {
    const line = lines[index] as string;
    if (blank.test(line)) {
      blankBefore = true;
      index += 1;
      continue;
    }
    const indent = indentOf(line);
    if (indent >= 4) unsupported();
    const rest = line.slice(indent);
    if (interrupting && index === 0) {
      const marker = markerOf(line, indent);
      if ((marker && marker.start !== null && marker.start !== 1) || rest.includes('|')) unsupported();
    }
    const headingMatch = heading.exec(rest);
    if (headingMatch) {
      const text = (headingMatch[2] ?? '')
        .trim()
        .replace(/(?:^| +)#+$/, '')
        .trim();
      add({ type: 'heading', depth: (headingMatch[1] as string).length as 1, children: parseInline(text) }, index + 1);
      continue;
    }
    if (thematicBreak.test(rest)) {
      add({ type: 'thematicBreak' }, index + 1);
      continue;
    }
    if (rest.startsWith('~~~') || emptyItem.test(rest)) unsupported();
    if (rest.startsWith('```')) {
      const fence = parseFence(lines, index, indent);
      add(fence.node, fence.end);
      continue;
    }
    if (rest[0] === '>') {
      const quoted: string[] = [];
      let end = index;
      for (; end < lines.length; end += 1) {
        const next = lines[end] as string;
        if (blank.test(next)) break;
        const nextIndent = indentOf(next);
        if (nextIndent >= 4 || next[nextIndent] !== '>') unsupported();
        quoted.push(next.slice(nextIndent + (next[nextIndent + 1] === ' ' ? 2 : 1)));
      }
      const children = parseBlocks(quoted, afterParagraph()).map((child) => child.node);
      add({ type: 'blockquote', children }, end);
      continue;
    }
    const marker = markerOf(line, indent);
    if (marker) {
      const list = parseList(lines, index, marker, afterParagraph());
      add(list.node, list.end);
      continue;
    }
    const next = lines[index + 1];
    // A delimiter row needs a pipe, and one starting `- ` is a list item first.
    if (
      rest.includes('|') &&
      next?.includes('|') &&
      indentOf(next) < 4 &&
      !anyListStart.test(next.trimStart()) &&
      delimiterRow.test(next.trim())
    ) {
      const header = cellsOf(line);
      if (cellsOf(next).length !== header.length) unsupported();
      const table = parseTable(lines, index, header);
      add(table.node, table.end);
      continue;
    }
    const paragraph = [rest];
    let end = index + 1;
    for (; end < lines.length; end += 1) {
      const continuation = lines[end] as string;
      if (blank.test(continuation)) break;
      const continuationIndent = indentOf(continuation);
      if (continuationIndent < 4 && interruptsParagraph(continuation, continuationIndent)) break;
      // Indentation stays: the inline parser drops it from text but keeps it inside code spans.
      paragraph.push(continuation);
    }
    add({ type: 'paragraph', children: parseInline(paragraph.join('\n').replace(/ +$/, '')) }, end);
  }
  return blocks;
}

/**
 * Block structure of the common subset (see `index.ts`): paragraphs, ATX headings, thematic
 * breaks, fenced code with backticks, block quotes, bullet and ordered lists (nested, tight or
 * loose, task list items in `task-list.ts`) and GFM tables (`tables.ts`). Parsed from lines
 * already stripped of their container's prefixes, so a list item or a quote parses its content
 * with the same function. Whatever could be read two ways without the full CommonMark rules (lazy
 * continuation lines, setext headings, indented code, empty list items, HTML) throws `unsupported`.
 */

import type { BlockContent, Code, List, ListItem } from 'mdast';
import {
  atxHeading,
  closesFence,
  type FenceOpening,
  fenceOpening,
  isBlank,
  isDelimiterRow,
  isThematicBreak,
  listMarker,
} from '../line-syntax';
import { parseInline } from './inline';
import { indentOf, interruptsParagraph, isEmptyItem, type Marker, markerOf } from './lines';
import { cellsOf, parseTable } from './tables';
import { taskItem } from './task-list';
import { unsupported } from './unsupported';

/** A parsed block and whether blank lines separate it from the block before it. */
interface Parsed {
  node: BlockContent;
  blankBefore: boolean;
}

type Lines = readonly string[];

/** The backtick fence opened at line `start` (by `fence`), up to its closing line. */
function parseFence(lines: Lines, start: number, fence: FenceOpening): { node: Code; end: number } {
  const info = fence.info.trim();
  if (/[\\&]/.test(info)) unsupported();
  const content: string[] = [];
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (closesFence(line, fence)) {
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
    content.push(line.slice(Math.min(fence.indent, indentOf(line))));
  }
  // A fence still open at the end of its container.
  return unsupported();
}

/** Where a container's lines come from: `interrupting` as in `parseBlocks`, `inQuote` inside a block quote. */
interface Context {
  interrupting: boolean;
  inQuote: boolean;
}

/**
 * A list from its first item's line to its end. `interrupted`: it ended right after an item's content
 * on a line opening a list of another kind (`1. a` then `- b`); that list's first item is parsed
 * as one interrupting a paragraph, the cautious reading.
 */
function parseList(
  lines: Lines,
  start: number,
  first: Marker,
  context: Context,
): { node: List; end: number; interrupted: boolean } {
  const items: ListItem[] = [];
  let spread = false;
  let index = start;
  let marker: Marker | undefined = first;
  let interrupted = false;
  while (marker) {
    const line = lines[index] as string;
    const content = [line.slice(marker.width)];
    index += 1;
    let lastContent = index;
    while (index < lines.length) {
      const next = lines[index] as string;
      if (isBlank(next)) content.push('');
      else if (indentOf(next) >= marker.width) {
        content.push(next.slice(marker.width));
        lastContent = index + 1;
      } else break;
      index += 1;
    }
    // Blank lines after the item's content lie between it and what follows.
    content.length -= index - lastContent;
    // In a quote, micromark's tight or loose depends on more than the blank lines' places.
    if (context.inQuote && (content.includes('') || index - lastContent >= 2)) unsupported();
    const children = parseBlocks(content, {
      interrupting: context.interrupting && items.length === 0,
      inQuote: context.inQuote,
    });
    items.push({
      type: 'listItem',
      spread: children.some((child, position) => position > 0 && child.blankBefore),
      checked: taskItem(content[0] as string, children[0]?.node),
      children: children.map((child) => child.node),
    });
    if (index >= lines.length) {
      index = lastContent;
      break;
    }
    const next = lines[index] as string;
    const indent = indentOf(next);
    // `- - -` is a thematic break before it is an item.
    const sibling = indent < 4 ? markerOf(next) : undefined;
    if (sibling && sibling.kind === first.kind) {
      if (lastContent < index) {
        if (context.inQuote) unsupported();
        spread = true;
      }
      marker = sibling;
      continue;
    }
    if (lastContent === index) {
      // An item of another kind ends the list and starts one of its own, with any number (micromark
      // reads `- a` then `2. b` as two lists); anything else would be read as a lazy continuation.
      if (sibling === undefined) unsupported();
      interrupted = true;
    } else if (sibling && context.inQuote) {
      // After a blank line, in a quote, micromark makes the first of the two lists loose.
      unsupported();
    }
    index = lastContent;
    marker = undefined;
  }
  return {
    node: { type: 'list', ordered: first.start !== null, start: first.start, spread, children: items },
    end: index,
    interrupted,
  };
}

const topLevel: Context = { interrupting: false, inQuote: false };

/**
 * Parses lines (of the document or of a container's content) into blocks. `interrupting`: the
 * container opened right after a paragraph line, where micromark reads its first line as it reads
 * a line interrupting a paragraph.
 */
export function parseBlocks(lines: Lines, { interrupting, inQuote }: Context = topLevel): Parsed[] {
  const blocks: Parsed[] = [];
  /** Whether a container starting here comes right after a paragraph line (or starts an interrupting one). */
  const afterParagraph = () =>
    !blankBefore &&
    (blocks.length === 0 ? interrupting : blocks[blocks.length - 1]?.node.type === 'paragraph' || listInterrupted);
  let blankBefore = false;
  /** The last block is a list ended by a list of another kind, which starts on this line. */
  let listInterrupted = false;
  let index = 0;
  const add = (node: BlockContent, end: number) => {
    blocks.push({ node, blankBefore });
    blankBefore = false;
    listInterrupted = false;
    index = end;
  };
  while (index < lines.length) {
    const line = lines[index] as string;
    if (isBlank(line)) {
      blankBefore = true;
      index += 1;
      continue;
    }
    const indent = indentOf(line);
    if (indent >= 4) unsupported();
    const rest = line.slice(indent);
    if (interrupting && index === 0) {
      const marker = markerOf(line);
      if ((marker && marker.start !== null && marker.start !== 1) || rest.includes('|')) unsupported();
    }
    const heading = atxHeading(rest);
    if (heading) {
      add({ type: 'heading', depth: heading.depth, children: parseInline(heading.text) }, index + 1);
      continue;
    }
    if (isThematicBreak(rest)) {
      add({ type: 'thematicBreak' }, index + 1);
      continue;
    }
    const fence = fenceOpening(line);
    if (fence?.char === '~' || isEmptyItem(rest)) unsupported();
    if (fence) {
      const code = parseFence(lines, index, fence);
      add(code.node, code.end);
      continue;
    }
    if (rest[0] === '>') {
      const quoted: string[] = [];
      let end = index;
      for (; end < lines.length; end += 1) {
        const next = lines[end] as string;
        if (isBlank(next)) break;
        const nextIndent = indentOf(next);
        if (nextIndent >= 4 || next[nextIndent] !== '>') unsupported();
        quoted.push(next.slice(nextIndent + (next[nextIndent + 1] === ' ' ? 2 : 1)));
      }
      const children = parseBlocks(quoted, { interrupting: afterParagraph(), inQuote: true }).map(
        (child) => child.node,
      );
      add({ type: 'blockquote', children }, end);
      continue;
    }
    const marker = markerOf(line);
    if (marker) {
      const list = parseList(lines, index, marker, { interrupting: afterParagraph(), inQuote });
      add(list.node, list.end);
      listInterrupted = list.interrupted;
      continue;
    }
    const next = lines[index + 1];
    // A delimiter row needs a pipe, and one starting `- ` is a list item first.
    if (
      rest.includes('|') &&
      next?.includes('|') &&
      indentOf(next) < 4 &&
      listMarker(next) === undefined &&
      isDelimiterRow(next)
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
      if (isBlank(continuation)) break;
      const continuationIndent = indentOf(continuation);
      if (continuationIndent < 4 && interruptsParagraph(continuation, continuationIndent)) break;
      // Indentation stays: the inline parser drops it from text but keeps it inside code spans.
      paragraph.push(continuation);
    }
    add({ type: 'paragraph', children: parseInline(paragraph.join('\n').replace(/ +$/, '')) }, end);
  }
  return blocks;
}

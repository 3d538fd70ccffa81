/**
 * Child splitting: cuts one top-level block that is a list, a table or a block quote into its
 * children, so a renderer can parse a long list item by item (a table row by row, a quote block by
 * block) and keep the finished children, instead of parsing the whole block again as it grows.
 *
 * - A list gives its items (`children.join('') === block`), and the content of its last item (the
 *   item's lines without its marker and indentation) split into blocks by `splitBlocks`, when the
 *   item can be read that way (see `ItemContent`): a renderer can then render a long item block by
 *   block, as a quote's content. A line typed after the item that so far is only a marker repair
 *   hides (`-`, `2.`) leaves the item readable, as it was before that line.
 * - A table gives its head (header and delimiter rows) and then one child per body row
 *   (`children.join('') === block`); a row is parsed with the head before it.
 * - A block quote gives the top-level blocks of its content: its lines without the `>` marker
 *   (lazy continuation lines as they are), split by `splitBlocks`.
 *
 * Invariants: every child but the last is final (it never changes as the block grows), and a block
 * is split only when the block scanner proves it is one list, one table or one quote throughout: a
 * block that goes on with something else without a blank line (`> a` then `- b`), a table that
 * does not start at the block's first line, a quote marker followed by a tab, carriage returns,
 * or definitions (`[id]: url`, `[^note]: text`, which give meaning across children) give `undefined`,
 * and the block is rendered whole. Footnote references (`[^1]`) alone do not: with no definition in
 * the block, a reference reads the same in one child as in the whole block.
 */

import { cloneScanState, createScanState, type ScanState, scanLine } from './block-scanner';
import { type BlockSplitter, createBlockSplitter, type SplitOptions } from './blocks';
import { detachedSlice, sliceOrOpen } from './detach';
import {
  indentation,
  isBlank,
  isDelimiterRow,
  listMarker,
  quoteContent,
  setextLevel,
  stripColumns,
} from './line-syntax';
import { repairBlockTail } from './repair/block-tail';

export type ChildKind = 'list' | 'table' | 'quote';

/** Result of splitting a block into children; all but the last child are final. */
export interface ChildSplit {
  readonly kind: ChildKind;
  /** List items, table head and rows, or the blocks of a quote's content. */
  readonly children: readonly string[];
  /** How many leading children are final. */
  readonly finalCount: number;
  /**
   * Lists: the last item's content split into blocks, when the item can be read without its marker
   * (see `ItemContent`); else absent.
   */
  readonly item?: ItemContent;
  /** Lists: the same for the item before the last one (final), while the last one is its successor. */
  readonly previousItem?: ItemContent;
}

/**
 * The content of a list's last item: its first line after the marker, and its later lines without
 * the item's indentation, split into top-level blocks (all but the last final). Given only while
 * every line of the item is indented to its content or blank (no lazy continuation line, no tab in
 * the indentation), and not for a task item or an item that starts with a blank line.
 */
export interface ItemContent {
  /** The item's first line up to its content (`- `, `12. `). */
  readonly marker: string;
  readonly blocks: readonly string[];
  readonly finalCount: number;
  /**
   * The line being typed is left out of `blocks`: it lies outside the item and is so far only the
   * start of a block marker (`-`, `2.`, `#`), a line `repairMarkdown` hides (with the splitter's
   * `math` option). Render these blocks only for a text you repair; else the item is not given.
   */
  readonly withoutLastLine?: true;
}

/** Incremental child splitter for one growing block: resumes where it stopped when the block grows. */
export interface ChildSplitter {
  /** Split `block` (the whole block so far), or `undefined` when it is not one list, table or quote. */
  update(block: string): ChildSplit | undefined;
}

/** Text that gives meaning across children (definitions), or that the line scanner reads differently. */
const unsplittable = /\r|\]:/;
/** A quote line whose marker is followed by a tab: its columns depend on where the tab falls. */
const quoteTab = /^[ >]*>[ >]*\t/;
/** Content ending with two blank lines. */
const endsTwoBlank = /\n[ \t]*\n[ \t]*\n$/;
/** A line whose indentation holds a tab. */
const tabIndent = /^ *\t/;
/** A task item's checkbox, at the start of the item's content. */
const taskBox = /^\[[ xX]\](?:[ \t]|$)/;

/** The last item of a list, read without its marker (see `ItemContent`). */
interface OpenItem {
  marker: string;
  /** Columns of the item's content. */
  columns: number;
  /** The content so far, complete lines only. */
  content: string;
  splitter: BlockSplitter;
  /** False from the first line that cannot be read without the item. */
  readable: boolean;
}

function openItem(line: string, options: SplitOptions): OpenItem | undefined {
  const marker = listMarker(line);
  if (!marker || marker.isEmpty) return undefined;
  const content = line.slice(marker.contentIndex);
  const readable = !line.slice(0, marker.contentIndex).includes('\t') && !taskBox.test(content);
  return {
    marker: line.slice(0, marker.contentIndex),
    columns: marker.contentOffset,
    content: `${content}\n`,
    splitter: createBlockSplitter(options),
    readable,
  };
}

/** `line` (complete or not) read inside `item`: without the item's indentation, or `undefined`. */
function itemLine(item: OpenItem, line: string): string | undefined {
  if (tabIndent.test(line)) return undefined;
  if (isBlank(line)) return stripColumns(line, item.columns);
  return indentation(line).columns >= item.columns ? stripColumns(line, item.columns) : undefined;
}

interface Progress {
  kind: ChildKind | undefined;
  state: ScanState;
  /** Offset of the first line not scanned yet (a line start). */
  scanned: number;
  /** The block is known not to be splittable. */
  invalid: boolean;
  /** Offsets where children start (lists and tables), after the first at 0. */
  boundaries: number[];
  /** The list item or quote open at top level, or the table leaf. */
  top: object | undefined;
  /** A quote's content so far, complete lines only. */
  content: string;
  contentSplitter: BlockSplitter | undefined;
  lines: number;
  /** A quote's last content line was blank, inside a list item of the quote. */
  blankInList: boolean;
  /** Lists: the last item, read without its marker. */
  item: OpenItem | undefined;
  /** Lists: the item before it, final. */
  previousItem: ItemContent | undefined;
}

function start(options: SplitOptions): Progress {
  return {
    kind: undefined,
    state: createScanState(options.math === true),
    scanned: 0,
    invalid: false,
    boundaries: [],
    top: undefined,
    content: '',
    contentSplitter: undefined,
    lines: 0,
    blankInList: false,
    item: undefined,
    previousItem: undefined,
  };
}

/** Feeds one complete line; marks the progress invalid when the block stops being one container. */
function feed(progress: Progress, line: string, offset: number, options: SplitOptions): void {
  const { state } = progress;
  progress.lines += 1;
  scanLine(state, line, offset);
  const first = state.containers[0];
  if (progress.lines === 1) {
    if (first?.kind === 'item') progress.kind = 'list';
    else if (first?.kind === 'quote') progress.kind = 'quote';
    else if (state.containers.length === 0 && state.leaf?.kind === 'paragraph') progress.kind = 'table';
    else progress.invalid = true;
    progress.top = progress.kind === 'table' ? state.leaf : first;
    if (progress.kind === 'quote') progress.contentSplitter = createBlockSplitter(options);
    if (progress.kind === 'list') {
      progress.item = openItem(line, options);
      return;
    }
  } else if (progress.kind === 'table' && progress.lines === 2) {
    const leaf = state.leaf;
    if (leaf !== progress.top || leaf?.kind !== 'paragraph' || !leaf.isTable || state.containers.length > 0) {
      progress.invalid = true;
    }
    return;
  } else if (!isBlank(line)) {
    if (progress.kind === 'list') {
      if (
        first?.kind !== 'item' ||
        (first !== progress.top && first.listKey !== (progress.top as typeof first).listKey)
      ) {
        progress.invalid = true;
      } else if (first !== progress.top) {
        progress.top = first;
        progress.boundaries.push(offset);
        progress.previousItem = itemContent(progress.item, '', true);
        progress.item = openItem(line, options);
        return;
      }
    } else if (progress.kind === 'table') {
      if (state.leaf !== progress.top || state.containers.length > 0) progress.invalid = true;
      else progress.boundaries.push(offset);
    } else if (first !== progress.top) {
      progress.invalid = true;
    }
  }
  if (progress.kind === 'list' && progress.item?.readable) {
    const content = itemLine(progress.item, line);
    if (content === undefined) progress.item.readable = false;
    else progress.item.content += `${content}\n`;
  }
  if (progress.kind === 'quote' && !progress.invalid) {
    const content = quoteContent(line);
    // A lazy line reads as paragraph text in the quote; alone, `===` or `|-|` would not.
    if (quoteTab.test(line) || (content === undefined && (setextLevel(line) !== undefined || isDelimiterRow(line)))) {
      progress.invalid = true;
    } else if (first === progress.top) progress.content += `${content ?? line}\n`;
    // Two blank quote lines inside a list make micromark read that list as loose in the quote, even
    // when the quote goes on after them, but not in the quote's content alone: render it whole.
    if (content !== undefined && isBlank(content)) {
      if (progress.blankInList) progress.invalid = true;
      progress.blankInList = state.containers.some((container) => container.kind === 'item');
    } else progress.blankInList = false;
  }
}

/**
 * An item's content, its line being typed (`partial`) included, when it can be read; with `final`,
 * the item has ended and all its blocks are final.
 */
function itemContent(item: OpenItem | undefined, partial: string, final = false): ItemContent | undefined {
  if (!item?.readable) return undefined;
  const line = partial === '' ? '' : itemLine(item, partial);
  if (line === undefined) return undefined;
  const split = item.splitter.update(item.content + line);
  return { marker: item.marker, blocks: split.blocks, finalCount: final ? split.blocks.length : split.finalCount };
}

/**
 * The last item's content without the line being typed, when that line lies outside the item and
 * repair hides it (a half-typed marker: `-`, `2.`, `#`): the repaired text then reads as the item
 * with no line after it, so the item can still be rendered block by block (see `withoutLastLine`).
 */
function itemBeforeHiddenLine(progress: Progress, block: string): ItemContent | undefined {
  if (!progress.item?.readable || !repairBlockTail(block, cloneScanState(progress.state)).hidLine) return undefined;
  const content = itemContent(progress.item, '');
  return content && { ...content, withoutLastLine: true };
}

/**
 * Whether the line being typed certainly starts the list's next item, however it ends: a marker of
 * the same list, outside the open item's content, then a character that no thematic break
 * (`- - -`) or setext underline can go on with. The item before it is then final.
 */
function startsNextItem(progress: Progress, partial: string): boolean {
  const top = progress.top as { kind: 'item'; contentOffset: number; listKey: string } | undefined;
  const marker = listMarker(partial);
  if (!top || !marker || marker.isEmpty || marker.key !== top.listKey) return false;
  if (indentation(partial).columns >= top.contentOffset) return false;
  return marker.ordered || partial[marker.contentIndex] !== marker.key;
}

/**
 * Create an incremental child splitter for one block that grows by appending (the last block of a
 * streamed text). A block that does not extend the previous one starts it over.
 *
 * @example
 * const children = createChildSplitter();
 * children.update('- one\n- tw'); // { kind: 'list', children: ['- one\n', '- tw'], finalCount: 1 }
 */
export function createChildSplitter(options: SplitOptions = {}): ChildSplitter {
  let progress = start(options);
  let seen = '';
  /** Final children, kept so a final child is the same string on every update. */
  let finals: string[] = [];
  /** The open child as last returned (see `sliceOrOpen`). */
  let open = '';

  return {
    update(block) {
      if (!block.startsWith(seen.slice(0, progress.scanned))) {
        progress = start(options);
        finals = [];
        open = '';
      }
      seen = block;
      // What lies before `scanned` was tested on an earlier update (and is unchanged): test the rest,
      // from one character back for a `]:` across the line start.
      if (progress.invalid || unsplittable.test(block.slice(Math.max(0, progress.scanned - 1)))) return undefined;
      let lineStart = progress.scanned;
      let newline = block.indexOf('\n', lineStart);
      while (newline !== -1 && !progress.invalid) {
        feed(progress, block.slice(lineStart, newline), lineStart, options);
        lineStart = newline + 1;
        newline = block.indexOf('\n', lineStart);
      }
      progress.scanned = lineStart;
      if (progress.invalid || progress.kind === undefined) return undefined;
      if (progress.kind === 'quote') {
        // A list that ends a quote followed by two blank quote lines is loose in the quote, not in
        // the quote's content alone (micromark): such a quote is rendered whole.
        if (endsTwoBlank.test(progress.content.slice(-64))) return undefined;
        const partial = block.slice(lineStart);
        const content = progress.content + (partial === '' ? '' : (quoteContent(partial) ?? partial));
        const split = (progress.contentSplitter as BlockSplitter).update(content);
        return { kind: 'quote', children: split.blocks, finalCount: split.finalCount };
      }
      // A table is only known once its delimiter row is complete.
      if (progress.kind === 'table' && progress.lines < 2) return undefined;
      const { boundaries } = progress;
      for (let index = finals.length; index < boundaries.length; index += 1) {
        const from = index === 0 ? 0 : (boundaries[index - 1] as number);
        finals.push(sliceOrOpen(block, from, boundaries[index] as number, open));
      }
      const partial = block.slice(lineStart);
      if (progress.kind === 'list' && partial !== '' && startsNextItem(progress, partial)) {
        // Cut before it now rather than once its line is complete (see `startsNextItem`).
        const children = finals.slice();
        const from = boundaries.length === 0 ? 0 : (boundaries[boundaries.length - 1] as number);
        children.push(detachedSlice(block, from, lineStart), detachedSlice(partial, 0));
        const previousItem = itemContent(progress.item, '', true);
        return previousItem
          ? { kind: 'list', children, finalCount: children.length - 1, previousItem }
          : { kind: 'list', children, finalCount: children.length - 1 };
      }
      const children = finals.slice();
      // Detached, as the open block is (see blocks.ts).
      open = sliceOrOpen(
        block,
        boundaries.length === 0 ? 0 : (boundaries[boundaries.length - 1] as number),
        block.length,
        open,
      );
      children.push(open);
      if (progress.kind !== 'list') return { kind: progress.kind, children, finalCount: finals.length };
      const item =
        itemContent(progress.item, partial) ?? (partial === '' ? undefined : itemBeforeHiddenLine(progress, block));
      const { previousItem } = progress;
      return {
        kind: 'list',
        children,
        finalCount: finals.length,
        ...(item && { item }),
        ...(previousItem && children.length > 1 && { previousItem }),
      };
    },
  };
}

/**
 * Split one block into its children (see `createChildSplitter`), or `undefined` when it is not one
 * list, table or block quote.
 *
 * @example
 * splitChildren('| a |\n| - |\n| 1 |\n'); // { kind: 'table', children: ['| a |\n| - |\n', '| 1 |\n'], finalCount: 1 }
 */
export function splitChildren(block: string, options: SplitOptions = {}): ChildSplit | undefined {
  return createChildSplitter(options).update(block);
}

/**
 * A list's long last item rendered block by block (see `ItemContent` in core): its content, read
 * without the item's marker, is split into blocks as a quote's content is; each finished block is
 * parsed once and keeps its elements, the open one is parsed (or, when it is itself a long list,
 * table or quote, split in turn) on each flush. An answer that is one bullet holding a long nested
 * list then costs its open nested item per flush, not the whole item.
 *
 * The `<li>` is built as the parser builds it from the item's blocks (mdast-util-to-hast's list
 * item): in a tight list a paragraph's content goes in the item without its `<p>`, and a newline
 * goes before each block but a tight first paragraph, and after the last one unless it is a tight
 * paragraph. The item is loose when a blank line separates two of its blocks (its `spread`).
 *
 * One case is known only once the blocks are parsed: the open block's line being typed, after a
 * blank line, may turn out to follow the block (`- a\n\n That`: a paragraph after the nested list),
 * and the blank line then makes the item loose; `renderItem` says so, and the list renders again.
 * What the split cannot promise to render as the whole item would gives `undefined`, and the item
 * is parsed whole: a block that renders as something other than elements (raw HTML), or two
 * elements with a blank line between them elsewhere in one block.
 */

import type { ItemContent } from '@rivulet/core';
import type { Element } from 'hast';
import { Fragment, type ReactElement, type ReactNode } from 'react';
import type { RenderOptions } from './blocks';
import { nestDirection } from './direction';
import { markdownToHast, quickMarkdownToHast } from './pipeline';
import { cursorTagName, hastElementToReact } from './render-hast';
import {
  type ChildFlags,
  elements,
  endsBlank,
  finishedFlags,
  finishTail,
  render,
  sameFlags,
  shell,
  sourceFor,
} from './split-parts';

/**
 * Items shorter than this are parsed whole: block by block pays off only on long ones (on a list of
 * short items it costs more per flush than a whole parse). An item that grows past it is rendered
 * block by block from then on: its content's elements are created once more at that point.
 */
export const itemSplitMinLength = 2048;

/** A block of the item rendered as a long list, table or quote, child by child (see `renderNested`). */
export interface NestedRender {
  content: ReactNode;
  /** Its open child's parse went on after the container (`- a\n\n That`). */
  after: boolean;
}

/** Renders `source` child by child when it is a long list, table or quote; keyed by block index. */
export type RenderNested = (index: number, source: string, flags: ChildFlags) => NestedRender | undefined;

interface ItemBlock {
  source: string;
  flags: ChildFlags;
  /** The looseness it was rendered with; `undefined` when it holds no paragraph (looseness does not matter). */
  loose: boolean | undefined;
  /** No element of the item comes before this block's (a tight first paragraph has no newline before it). */
  first: boolean;
  node: ReactElement;
  /** How many elements the block rendered, and whether the last of them is a paragraph. */
  count: number;
  endsInParagraph: boolean;
  /** It renders as more than one element with a blank line before the last (see the module comment). */
  spreads: boolean;
}

/** What a list keeps of one item it renders block by block. */
export interface ItemState {
  marker: string;
  /** The `<ul>` or `<ol>` and the `<li>` this item's marker gives, without children. */
  list: Element;
  item: Element;
  blocks: ItemBlock[];
}

/** The item's `spread`: a blank line between two of its blocks. */
export function itemSpread(content: ItemContent): boolean {
  const last = content.blocks.length - 1;
  return content.blocks.some((block, index) => index < last && endsBlank(block));
}

/** A new state for an item with `marker`: the list and item elements the pipeline gives for it. */
export function createItemState(marker: string, options: RenderOptions): ItemState | undefined {
  const [list] = elements(markdownToHast(`${marker}x`, options.processor).children);
  const [item] = list ? elements(list.children) : [];
  if (!list || !item || (list.tagName !== 'ul' && list.tagName !== 'ol') || item.tagName !== 'li') return undefined;
  return { marker, list: { ...list, children: [] }, item: { ...item, children: [] }, blocks: [] };
}

/** A blank line with more text after it. */
const innerBlankLine = /\n[ \t]*\n[ \t]*\S/;
/** A line being typed (not blank) after a blank line. */
const typedAfterBlank = /\n[ \t]*\n[ \t]*\S[^\n]*$/;

function renderBlock(
  index: number,
  source: string,
  flags: ChildFlags,
  loose: boolean,
  first: boolean,
  options: RenderOptions,
  renderNested: RenderNested,
): ItemBlock | undefined {
  const nested = renderNested(index, source, flags);
  if (nested) {
    const spreads = nested.after && typedAfterBlank.test(source);
    if (nested.after && !spreads) return undefined;
    // The container in a fragment of its own: whether the list is followed by what its open child
    // went on with (a fragment of the two) or not, the container keeps its element.
    const node = (
      <Fragment key={index}>
        {'\n'}
        {/* biome-ignore lint/complexity/noUselessFragments: keeps the container's place (above). */}
        <>{nested.content}</>
      </Fragment>
    );
    // What follows the container keeps its `<p>`: the item is loose then.
    return { source, flags, loose: undefined, first, node, count: 1, endsInParagraph: false, spreads };
  }
  const parsed = sourceFor(source, flags);
  const hast = quickMarkdownToHast(parsed, options.processor) ?? markdownToHast(parsed, options.processor);
  finishTail(hast, source, parsed, flags);
  // Parsed on its own, but inside the item: its blocks take the list's direction.
  nestDirection(hast);
  const results: Element[] = [];
  for (const child of hast.children) {
    if (child.type === 'element') results.push(child);
    else if (child.type !== 'text' || child.value.trim() !== '') return undefined;
  }
  // Two elements with a blank line between them: loose when it is the line being typed that
  // follows (see the module comment), else not known here.
  const spreads = results.length > 1 && typedAfterBlank.test(source);
  if (results.length > 1 && !spreads && innerBlankLine.test(source)) return undefined;
  // The cursor on its own (no text to follow) would go after the item's last text in the whole item.
  if (results.at(-1)?.tagName === cursorTagName) return undefined;
  const nodes: ReactNode[] = [];
  // Keyed by position: a block's elements are always the same ones, in the same order.
  for (let position = 0; position < results.length; position += 1) {
    const result = results[position] as Element;
    const paragraph = result.tagName === 'p';
    if (loose || !first || position > 0 || !paragraph) nodes.push('\n');
    nodes.push(
      paragraph && !loose ? (
        <Fragment key={position}>{render(result.children, options)}</Fragment>
      ) : (
        hastElementToReact(result, options.components, String(position))
      ),
    );
  }
  const endsInParagraph = results.at(-1)?.tagName === 'p';
  return {
    source,
    flags,
    loose: results.some((result) => result.tagName === 'p') ? loose : undefined,
    first,
    node: <Fragment key={index}>{nodes}</Fragment>,
    count: results.length,
    endsInParagraph,
    spreads,
  };
}

/**
 * The item's `<li>`, keyed `key`, from its content's blocks; `'loose'` when the list it is in must
 * be rendered loose, which its blocks showed only once parsed (see the module comment); or
 * `undefined` when a block cannot be rendered on its own (then parse the item whole). `flags` are
 * the item's: its last block's.
 */
export function renderItem(
  key: string,
  content: ItemContent,
  flags: ChildFlags,
  loose: boolean,
  options: RenderOptions,
  state: ItemState,
  renderNested: RenderNested,
): ReactElement | 'loose' | undefined {
  const last = content.blocks.length - 1;
  const nodes: ReactNode[] = [];
  let first = true;
  let endsInParagraph: boolean | undefined;
  for (let index = 0; index <= last; index += 1) {
    const source = content.blocks[index] as string;
    const blockFlags = index === last ? flags : finishedFlags;
    let block = state.blocks[index];
    if (
      !block ||
      block.source !== source ||
      (block.loose !== undefined && block.loose !== loose) ||
      block.first !== first ||
      !sameFlags(block.flags, blockFlags)
    ) {
      block = renderBlock(index, source, blockFlags, loose, first, options, renderNested);
      if (!block) return undefined;
      state.blocks[index] = block;
    }
    if (block.spreads && !loose) return 'loose';
    nodes.push(block.node);
    if (block.count > 0) {
      first = false;
      endsInParagraph = block.endsInParagraph;
    }
  }
  state.blocks.length = content.blocks.length;
  if (endsInParagraph !== undefined && (loose || !endsInParagraph)) nodes.push('\n');
  return shell(state.item, nodes, options.components, key);
}

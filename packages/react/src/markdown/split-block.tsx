/**
 * A long list, table or block quote rendered child by child (see `createChildSplitter` in core):
 * each finished item, row or quoted block is parsed once and keeps its React elements, so a flush
 * parses and reconciles only the open child however long the block has grown.
 *
 * The container element itself (`<ul>`, `<ol>`, `<table>` + `<tbody>`, `<blockquote>`) is built here
 * from the properties the parser gives it, and the children go inside, so the DOM is the one the
 * whole block parses to:
 * - a list item is parsed alone; whether the list is loose (every item's text in `<p>`) depends on
 *   all items, so each item's own spread and each blank line between two items (checked by parsing
 *   the item with the next item's marker after it) are collected first, and the items are rendered
 *   with the list's looseness (rendered again, once, when a later item makes the list loose). An
 *   ordered list's `start` comes from its first item, `contains-task-list` from any item;
 * - a table row is parsed after the table's head (header and delimiter rows), which gives its cell
 *   count and alignment;
 * - a quote's content blocks are parsed as top-level blocks, as the quote's content is.
 *
 * The open child is repaired (and shows the cursor) as the growing block would be. While its last
 * line is incomplete, it may parse to more than the container (`- a\n\nNext par`): what follows the
 * container is rendered after it, as the whole block would render it.
 *
 * Rendering stays pure: the per-child results are a cache of (source, looseness, flags), kept for
 * the component's lifetime; a render that is thrown away leaves entries a later render would make
 * the same way.
 */

import { type ChildSplit, type ChildSplitter, createChildSplitter, type ItemContent } from '@rivulet/core';
import { indentation, listMarker } from '@rivulet/core/syntax';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { List, Root as MdastRoot } from 'mdast';
import { Fragment, memo, type ReactElement, type ReactNode, useEffect, useRef } from 'react';
import type { BlockProps, RenderOptions } from './blocks';
import { nestDirection } from './direction';
import { markdownToHast, quickMarkdownToHast } from './pipeline';
import { hastElementToReact } from './render-hast';
import {
  createItemState,
  type ItemState,
  itemSplitMinLength,
  itemSpread,
  type NestedRender,
  renderItem,
} from './split-item';
import {
  type ChildFlags,
  elements,
  endsBlank,
  finishedFlags,
  finishTail,
  parseMdast,
  render,
  sameFlags,
  shell,
  sourceFor,
  toHast,
  wrapped,
} from './split-parts';

export interface SplitBlockProps {
  split: ChildSplit;
  /** The block is not final: its last child may still grow. */
  open: boolean;
  /** The block ends a streaming document: its last child is repaired. */
  repair: boolean;
  cursor: boolean;
  options: RenderOptions;
  /**
   * The block is the open child of a quote (see `renderQuote`): not top-level in the document, so its
   * container and what follows it take the quote's direction (see `nestDirection`).
   */
  nested?: boolean;
}

interface CachedChild {
  /** Lists: the properties of the list element the child parsed to, and whether it holds tasks. */
  listProperties?: Element['properties'];
  isTaskList?: boolean;
  listTag?: string;
  /** What followed the container in the open child's parse (`- a\n\nNext par`). */
  after?: ElementContent[];
  source: string;
  flags: ChildFlags;
  loose: boolean;
  /** The child's content (a table's head child: its `<thead>`; other table children: none). */
  element: ReactElement | undefined;
  /** Tables and lists: the child's rows or items, each its own element (see `siblingElements`). */
  nodes?: ReactNode[];
}

/**
 * The key the container element gets, the one it has when the block is rendered whole (the first
 * element of its tag in the block, see `hast-to-react.ts`): a block rendered whole before its
 * first line is complete, or a nested block rendered whole once final, keeps its element when it
 * is rendered child by child, and the other way round.
 */
function containerKey(tagName: string): string {
  return `${tagName}-0`;
}

/** One cached child's content under its key (whether it is open is marked in its tree: `finishTail`). */
function childElement(key: number, content: ReactNode): ReactElement {
  return <Fragment key={key}>{content}</Fragment>;
}

/** Children (rows, items, quoted blocks) per group: see `grouped`. */
export const childGroupSize = 32;

/** A run of the container's children, rendered as they are (no element of its own). */
const ChildGroup = memo(function ChildGroup({ nodes }: { nodes: readonly ReactNode[] }) {
  return nodes;
});

function sameRun(group: readonly ReactNode[], nodes: readonly ReactNode[], start: number): boolean {
  for (let index = 0; index < group.length; index += 1) if (group[index] !== nodes[start + index]) return false;
  return true;
}

/**
 * The container's children in groups of `size` nodes (a group's nodes are always the same
 * children, by position), each group a memoized component without an element of its own: React
 * then compares a few dozen groups per flush, not every row of a 300-row table, and the DOM is the
 * same. A group whose nodes are unchanged keeps its array, so its component does not render.
 */
function grouped(nodes: readonly ReactNode[], groups: (readonly ReactNode[])[], size: number): ReactElement[] {
  const out: ReactElement[] = [];
  for (let start = 0; start < nodes.length; start += size) {
    const index = out.length;
    const end = Math.min(start + size, nodes.length);
    let group = groups[index];
    if (!group || group.length !== end - start || !sameRun(group, nodes, start)) {
      group = nodes.slice(start, end);
      groups[index] = group;
    }
    out.push(<ChildGroup key={index} nodes={group} />);
  }
  groups.length = out.length;
  return out;
}

/**
 * A child's rows or items as sibling elements (`<tr>`, `<li>`), not one keyed fragment, each keyed
 * by the index of the child it is or will be. The open (last) child holds the row or item being
 * typed after its own until that one's line is complete (and a table's head child the first rows):
 * the one at `position` becomes child `index + position`, and keeps its key then, so a row or item
 * is mounted once, not again when it becomes a child of its own. Any further elements of a final
 * child (none, if it parses as its split promised) are keyed by their position in it.
 */
function siblingElements(
  index: number,
  nodes: readonly Element[],
  options: RenderOptions,
  open: boolean,
): ReactElement[] {
  return nodes.map((node, position) =>
    hastElementToReact(
      node,
      options.components,
      position === 0 || open ? String(index + position) : `${index}.${position}`,
    ),
  );
}

/** What one block keeps between renders: its children's results, by index. */
export interface SplitCache {
  children: CachedChild[];
  /** The groups the children were last rendered in (`grouped`). */
  groups: (readonly ReactNode[])[];
  items: ItemInfo[];
  tables: (TableParts | undefined)[];
  /** Quotes: the open child that is itself a list, table or quote, split in turn (by child index). */
  nested: Map<number, NestedBlock>;
  /** Lists: the long last item rendered block by block, and the one before it (by child index). */
  listItems: Map<number, ListItemState>;
  /** Lists and tables: the open child's parse went on after the container (`- a\n\nNext`). */
  after: boolean;
}

/** A list item rendered block by block (see `split-item.tsx`). */
interface ListItemState {
  item: ItemState;
  /** Its blocks that are long lists, tables or quotes, split in turn (by block index). */
  nested: Map<number, NestedBlock>;
  /** Its last render was block by block (not a whole parse, when a block could not be rendered alone). */
  live: boolean;
}

interface NestedBlock {
  splitter: ChildSplitter;
  cache: SplitCache;
}

export function createSplitCache(): SplitCache {
  return { children: [], groups: [], items: [], tables: [], nested: new Map(), listItems: new Map(), after: false };
}

/** `properties` without the `dir="auto"` a top-level block gets, for a nested block's container. */
function unnested(properties: Element['properties'], nested: boolean | undefined): Element['properties'] {
  if (!nested || properties.dir !== 'auto') return properties;
  const { dir: _dir, ...rest } = properties;
  return rest;
}

/** What followed a nested block's container, with the quote's direction (see `nestDirection`). */
function afterNested(nodes: ElementContent[], nested: boolean | undefined): ElementContent[] {
  if (!nested) return nodes;
  const root: HastRoot = {
    type: 'root',
    children: nodes.map((node) => (node.type === 'element' ? { ...node, properties: { ...node.properties } } : node)),
  };
  nestDirection(root);
  return root.children as ElementContent[];
}

function flagsOf(index: number, split: ChildSplit, props: SplitBlockProps): ChildFlags {
  if (index < split.children.length - 1) return finishedFlags;
  return { repair: props.repair, cursor: props.cursor, open: props.open };
}

/** Thrown when a child does not parse to the shape the split promised: the block renders whole. */
class ShapeMismatch extends Error {}

// ---------------------------------------------------------------------------------------------------
// Lists

interface ItemInfo {
  source: string;
  repair: boolean;
  /** The parse, kept from the first pass to the second of the same render only. */
  tree: MdastRoot | undefined;
  spread: boolean;
  /** Whether a blank line separates this item from the next one (`undefined`: not checked yet). */
  seam: { next: string; spread: boolean } | undefined;
}

/** The list marker an item starts with, as written (`-`, `2.`), for a stand-in item after it. */
function itemMarker(item: string): string | undefined {
  const newline = item.indexOf('\n');
  const firstLine = newline === -1 ? item : item.slice(0, newline);
  const marker = listMarker(firstLine);
  if (!marker) return undefined;
  const indent = ' '.repeat(indentation(firstLine).columns);
  return marker.ordered ? `${indent}${marker.start}${marker.key}` : `${indent}${marker.key}`;
}
/**
 * The open item's tree is empty: repair hid all of it (`12. **`, an item whose content so far is
 * only the start of a marker, cut off from the item before it by `startsNextItem` in core).
 */
function isHidden(tree: MdastRoot, isLast: boolean): boolean {
  return isLast && tree.children.length === 0;
}

function listOf(tree: MdastRoot, allowMore: boolean): List {
  const list = tree.children[0];
  if (list?.type !== 'list' || (!allowMore && tree.children.length > 1)) throw new ShapeMismatch();
  return list;
}

/** An item parsed whole: its `<li>` (and, while it is the open child, any item typed after it). */
function parsedItemChild(
  index: number,
  info: ItemInfo,
  flags: ChildFlags,
  loose: boolean,
  isLast: boolean,
  options: RenderOptions,
): CachedChild {
  const tree = info.tree ?? parseMdast(sourceFor(info.source, flags), options);
  if (isHidden(tree, isLast)) return { source: info.source, flags, loose, element: undefined, nodes: [] };
  const list = listOf(tree, isLast);
  list.spread = loose;
  const hast = toHast(tree, options);
  finishTail(hast, info.source, sourceFor(info.source, flags), flags);
  const [listElement, ...rest] = elements(hast.children);
  if (!listElement) throw new ShapeMismatch();
  const lis = elements(listElement.children);
  // Each item follows a newline, as in the whole list's tree (the first one is added by the list).
  const nodes = siblingElements(index, lis, options, isLast).flatMap((item, at) => (at === 0 ? [item] : ['\n', item]));
  const listProperties = listElement.properties;
  return {
    source: info.source,
    flags,
    loose,
    element: undefined,
    nodes,
    listProperties,
    isTaskList: String(listProperties.className ?? '').includes('contains-task-list'),
    listTag: listElement.tagName,
    after: rest,
  };
}

/**
 * The content of the item at `index` when it is rendered block by block: the open (last) item once
 * it is long (`itemSplitMinLength`), and the item before it while it was rendered so, to render it
 * once more as final and keep its elements.
 */
function itemContentOf(index: number, split: ChildSplit, caches: SplitCache, repair: boolean): ItemContent | undefined {
  const last = split.children.length - 1;
  if (index === last) {
    const content = split.item;
    // Without the line being typed after it, which only repair hides.
    if (!content || (content.withoutLastLine && !repair)) return undefined;
    const long = caches.listItems.has(index) || (split.children[index] as string).length >= itemSplitMinLength;
    return long ? content : undefined;
  }
  return index === last - 1 && caches.listItems.get(index)?.live ? split.previousItem : undefined;
}

/**
 * The item at `index` rendered block by block; `'loose'` when the list must be rendered loose for
 * it (`renderItem`); `undefined` when it cannot be (parse it whole).
 */
function itemChild(
  index: number,
  source: string,
  content: ItemContent,
  flags: ChildFlags,
  loose: boolean,
  options: RenderOptions,
  caches: SplitCache,
): CachedChild | 'loose' | undefined {
  let state = caches.listItems.get(index);
  if (!state || state.item.marker !== content.marker) {
    const item = createItemState(content.marker, options);
    if (!item) return undefined;
    state = { item, nested: new Map(), live: false };
    caches.listItems.set(index, state);
  }
  const { nested } = state;
  const renderBlock = (block: number, blockSource: string, blockFlags: ChildFlags) =>
    renderNested(nested, block, blockSource, blockFlags, options);
  const element = renderItem(String(index), content, flags, loose, options, state.item, renderBlock);
  state.live = element !== undefined;
  if (element === undefined || element === 'loose') return element;
  const { list } = state.item;
  return {
    source,
    flags,
    loose,
    element: undefined,
    nodes: [element],
    listProperties: list.properties,
    isTaskList: false,
    listTag: list.tagName,
    after: [],
  };
}

function renderList(props: SplitBlockProps, caches: SplitCache): ReactNode {
  const { split, options } = props;
  const cache = caches.children;
  const infos = caches.items;
  const last = split.children.length - 1;
  const contents = [itemContentOf(last - 1, split, caches, false), itemContentOf(last, split, caches, props.repair)];
  // First pass: each item's own spread and the blank lines between items decide the looseness.
  let loose = false;
  for (let index = 0; index <= last; index += 1) {
    const source = split.children[index] as string;
    const flags = flagsOf(index, split, props);
    const content = contents[index - last + 1];
    let info = infos[index];
    if (content && (!info || info.source !== source || info.repair !== flags.repair)) {
      // Read from its blocks: a long item is not parsed whole.
      info = { source, repair: flags.repair, tree: undefined, spread: itemSpread(content), seam: undefined };
      infos[index] = info;
    } else if (!info || info.source !== source || info.repair !== flags.repair) {
      const tree = parseMdast(sourceFor(source, flags), options);
      const list = isHidden(tree, index === last) ? undefined : listOf(tree, index === last);
      const spread = list !== undefined && (list.spread === true || list.children.some((item) => item.spread === true));
      info = { source, repair: flags.repair, tree, spread, seam: undefined };
      infos[index] = info;
    }
    if (index < last && endsBlank(source)) {
      const next = itemMarker(split.children[index + 1] as string) ?? '-';
      if (info.seam?.next !== next) {
        info.seam = { next, spread: listOf(parseMdast(`${source}${next} x\n`, options), false).spread === true };
      }
      loose ||= info.seam.spread;
    }
    loose ||= info.spread;
  }
  infos.length = split.children.length;
  // Second pass: render the items whose source, flags or looseness changed.
  let taskList = false;
  let head: Element['properties'] | undefined;
  const after: ElementContent[] = [];
  const items: ReactNode[] = [];
  for (let index = 0; index <= last; index += 1) {
    const info = infos[index] as ItemInfo;
    const flags = flagsOf(index, split, props);
    let cached = cache[index];
    if (!cached || cached.source !== info.source || cached.loose !== loose || !sameFlags(cached.flags, flags)) {
      const content = contents[index - last + 1];
      const item = content && itemChild(index, info.source, content, flags, loose, options, caches);
      if (item === 'loose') {
        // Known only now: render the list again, loose.
        info.spread = true;
        return renderList(props, caches);
      }
      cached = item ?? parsedItemChild(index, info, flags, loose, index === last, options);
      cache[index] = cached;
    }
    info.tree = undefined;
    if (index === 0) head = cached.listProperties;
    if (cached.isTaskList) taskList = true;
    if (index === last && cached.after) after.push(...cached.after);
    if (cached.nodes?.length) items.push('\n', ...cached.nodes);
  }
  cache.length = split.children.length;
  // An item before the last is final and rendered: what it kept to render block by block would only take memory.
  for (const index of caches.listItems.keys()) if (index < last) caches.listItems.delete(index);
  caches.after = after.length > 0;
  if (!head) throw new ShapeMismatch();
  const properties = { ...unnested(head, props.nested) };
  if (taskList) properties.className = ['contains-task-list'];
  const tagName = (split.children.length > 0 && cache[0]?.listTag) || 'ul';
  // Each item is two nodes ('\n', the item): a group holds whole items.
  const list = shell(
    { type: 'element', tagName, properties, children: [] },
    [...grouped(items, caches.groups, 2 * childGroupSize), '\n'],
    options.components,
    containerKey(tagName),
  );
  if (after.length === 0) return list;
  return (
    <>
      {list}
      {render(wrapped(afterNested(after, props.nested)), options)}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------
// Tables

interface TableParts {
  /** The `<table>` and `<tbody>` elements without their children (the shells), when parsed. */
  table: Element;
  body: Element | undefined;
  head: Element | undefined;
  rows: Element[];
  after: ElementContent[];
}

const withoutChildren = (node: Element): Element => ({ ...node, children: [] });

function tableParts(hast: HastRoot, allowMore: boolean): TableParts {
  const [table, ...after] = elements(hast.children);
  if (table?.tagName !== 'table' || (!allowMore && after.length > 0)) throw new ShapeMismatch();
  const sections = elements(table.children);
  const head = sections.find((section) => section.tagName === 'thead');
  const body = sections.find((section) => section.tagName === 'tbody');
  return {
    table: withoutChildren(table),
    body: body && withoutChildren(body),
    head,
    rows: body ? elements(body.children) : [],
    after,
  };
}

function renderTable(props: SplitBlockProps, caches: SplitCache): ReactNode {
  const { split, options } = props;
  const cache = caches.children;
  const parts = caches.tables;
  const last = split.children.length - 1;
  const headSource = split.children[0] as string;
  const rows: ReactNode[] = [];
  let headElement: ReactElement | undefined;
  let table: Element | undefined;
  let body: Element | undefined;
  let after: ElementContent[] = [];
  for (let index = 0; index <= last; index += 1) {
    const source = split.children[index] as string;
    const flags = flagsOf(index, split, props);
    let cached = cache[index];
    if (!cached || cached.source !== source || !sameFlags(cached.flags, flags)) {
      // A row is parsed after the head, which gives it its cells' count and alignment.
      const full = index === 0 ? source : headSource + source;
      const parsed = sourceFor(full, flags);
      const hast = quickMarkdownToHast(parsed, options.processor) ?? markdownToHast(parsed, options.processor);
      finishTail(hast, full, parsed, flags);
      const found = tableParts(hast, index === last);
      if (index > 0 && found.rows.length === 0) throw new ShapeMismatch();
      // Kept for later renders: only what they read (the head child's rows while it is open).
      parts[index] = {
        ...found,
        head: undefined,
        rows: index === 0 ? found.rows : [],
        after: index === last ? found.after : [],
      };
      // The head child's rows (a first row still being typed) belong in the body with the others,
      // keyed as the first row child's will be.
      cached =
        index === 0
          ? {
              source,
              flags,
              loose: false,
              element: found.head && hastElementToReact(found.head, options.components, '0'),
              nodes: siblingElements(1, found.rows, options, index === last),
            }
          : {
              source,
              flags,
              loose: false,
              element: undefined,
              nodes: siblingElements(index, found.rows, options, index === last),
            };
      cache[index] = cached;
    }
    const found = parts[index] as TableParts;
    body ??= found.body;
    if (index === 0) {
      table = found.table;
      headElement = cached.element;
    }
    for (const row of cached.nodes ?? []) rows.push(row);
    if (index === last) after = found.after;
  }
  cache.length = split.children.length;
  parts.length = split.children.length;
  caches.after = after.length > 0;
  if (!table) throw new ShapeMismatch();
  const tbody: Element = body ?? { type: 'element', tagName: 'tbody', properties: {}, children: [] };
  const content = [
    headElement,
    rows.length > 0 ? shell(tbody, grouped(rows, caches.groups, childGroupSize), options.components, 'tbody') : null,
  ];
  const element = shell(
    { ...table, properties: unnested(table.properties, props.nested) },
    content,
    options.components,
    containerKey('table'),
  );
  if (after.length === 0) return element;
  return (
    <>
      {element}
      {render(wrapped(afterNested(after, props.nested)), options)}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------
// Block quotes

/** The `<blockquote>` as the pipeline builds it (its properties), once per processor. */
const quoteShells = new WeakMap<object, Element>();

function quoteShell(options: RenderOptions): Element {
  let node = quoteShells.get(options.processor);
  if (!node) {
    const [quote] = elements(markdownToHast('> x', options.processor).children);
    node = { type: 'element', tagName: 'blockquote', properties: { ...quote?.properties }, children: [] };
    quoteShells.set(options.processor, node);
  }
  return node;
}

/**
 * The open child of a quote (or a block of a long list item) when it is itself a long list, table
 * or quote: rendered child by child in turn, so a list growing inside a quote costs its open item
 * per flush, not the whole list. Its state (in `nested`, by child index) is dropped once the child
 * is final (it is then rendered once more and kept). `undefined` when the child is not such a
 * block, or does not parse as its split promised (render it whole).
 */
function renderNested(
  nested: Map<number, NestedBlock>,
  index: number,
  source: string,
  flags: ChildFlags,
  options: RenderOptions,
): NestedRender | undefined {
  const finished = sameFlags(flags, finishedFlags);
  let state = nested.get(index);
  if (!state) {
    if (finished) return undefined;
    state = { splitter: createChildSplitter(), cache: createSplitCache() };
    nested.set(index, state);
  }
  const split = state.splitter.update(source);
  const content = split && renderSplitBlock({ split, ...flags, options, nested: true }, state.cache);
  if (content === undefined || finished) nested.delete(index);
  return content === undefined ? undefined : { content, after: state.cache.after };
}

function renderQuote(props: SplitBlockProps, caches: SplitCache): ReactNode {
  const { split, options } = props;
  const cache = caches.children;
  const last = split.children.length - 1;
  const children: ReactNode[] = [];
  for (let index = 0; index <= last; index += 1) {
    const source = split.children[index] as string;
    const flags = flagsOf(index, split, props);
    let cached = cache[index];
    if (!cached || cached.source !== source || !sameFlags(cached.flags, flags)) {
      const nested = renderNested(caches.nested, index, source, flags, options);
      // In a fragment, as `render` gives a child rendered whole: the same elements either way.
      let inner: ReactNode = nested === undefined ? undefined : <>{nested.content}</>;
      if (nested === undefined) {
        const parsed = sourceFor(source, flags);
        const hast = quickMarkdownToHast(parsed, options.processor) ?? markdownToHast(parsed, options.processor);
        finishTail(hast, source, parsed, flags);
        // Parsed on its own, but inside the quote: its blocks take the quote's direction.
        nestDirection(hast);
        inner = hast.children.length > 0 ? render(hast.children, options) : null;
      }
      // One fragment, not an array: its two children need no keys.
      const content =
        inner === null ? null : (
          <>
            {'\n'}
            {inner}
          </>
        );
      cached = { source, flags, loose: false, element: childElement(index, content) };
      cache[index] = cached;
    }
    children.push(cached.element);
  }
  cache.length = split.children.length;
  for (const index of caches.nested.keys()) if (index > last) caches.nested.delete(index);
  const quote = quoteShell(options);
  const shellNode = props.nested ? { ...quote, properties: unnested(quote.properties, true) } : quote;
  return shell(
    shellNode,
    [...grouped(children, caches.groups, childGroupSize), '\n'],
    options.components,
    containerKey('blockquote'),
  );
}

const renderers = { list: renderList, table: renderTable, quote: renderQuote } as const;

/**
 * The block rendered child by child, or `undefined` when a child does not parse to the shape the
 * split promised (then render the block whole). `cache` is the block's own, kept across renders.
 */
export function renderSplitBlock(props: SplitBlockProps, cache: SplitCache): ReactNode | undefined {
  try {
    return renderers[props.split.kind](props, cache);
  } catch (error) {
    if (error instanceof ShapeMismatch) return undefined;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// The block: split when it is a long list, table or quote, else rendered whole by `Block`.

/**
 * A block's content rendered child by child, when it is a list, table or quote (see above), else
 * `undefined` (render it whole). From its first line on, so its elements are never re-created as it
 * grows, with a child splitter that resumes as the block grows; kept in a ref for the block's
 * lifetime while it is open. `splittable` is false for a block the split cannot serve (definitions
 * or math).
 */
export function useSplitContent(props: BlockProps, splittable: boolean): ReactNode | undefined {
  const { source, open, repair, cursor, options } = props;
  const state = useRef<{ splitter: ChildSplitter; cache: SplitCache } | null>(null);
  // A final block renders again only if its props change, and then as if new: once it is committed
  // final, what the splitter and the children's cache hold would only take memory (the elements stay
  // in React's tree). Dropped after the commit, not while rendering: a render run twice (StrictMode,
  // a render React starts over) must give the same elements both times, from the same cache.
  useEffect(() => {
    if (!open) state.current = null;
  }, [open]);
  if (!splittable) return undefined;
  state.current ??= { splitter: createChildSplitter(), cache: createSplitCache() };
  const split = state.current.splitter.update(source);
  return split && renderSplitBlock({ split, open, repair, cursor, options }, state.current.cache);
}

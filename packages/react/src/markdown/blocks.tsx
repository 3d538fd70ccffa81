/**
 * Incremental rendering of streamed Markdown, block by block.
 *
 * Each top-level block renders through a memoized `Block` whose props are its source string
 * and the (stable) render options, so a final block is parsed once and never re-renders.
 * Blocks are grouped by `groupSize` into memoized `BlockGroup`s: a group whose blocks are all
 * final receives the same props on every flush and is skipped as a whole, so React compares
 * O(groups) elements per flush instead of O(blocks). Each group is a `div.rivulet-blocks` that
 * changes nothing visually. Once a group is complete and final, and another follows it, it is
 * marked `data-settled`, and the stylesheet gives it `content-visibility: auto`: far from the viewport the browser skips it
 * (style, layout, paint) and keeps its measured size, so a frame costs nothing for the finished
 * part of a long answer. Only the last (tail) block is repaired and parsed
 * again per flush (an open code fence not even parsed: see `open-fence.ts`), and it keeps its
 * key when it becomes final, so its elements (an open code block's `<pre>`) are never re-created.
 */

import { repairMarkdown } from '@rivulet/core';
import type { Root } from 'hast';
import type { Components } from 'hast-util-to-jsx-runtime';
import { memo, type RefObject, useMemo, useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../use-stream';
import { mayUseReference } from './definitions';
import { showFootnoteCalls } from './footnote-calls';
import { showFootnoteDefinitions, withFootnoteCalls } from './footnote-definitions';
import { blockMathStatus, mathMarkdownToHast, mayHaveMath, useBlockContent } from './math/use-math';
import { endsInOpenFence, isMathFence, markOpenBlock, markOpenFence, openFenceHast } from './open-fence';
import { getProcessor, markdownToHast, quickMarkdownToHast } from './pipeline';
import { hastToReact, insertCursor } from './render-hast';
import { useSplitContent } from './split-block';
import type { UrlPolicyOptions } from './url-policy';

/** Blocks per memoized group. */
export const groupSize = 32;

/** Everything a block needs besides its source; one stable object per set of props. */
export interface RenderOptions {
  readonly processor: ReturnType<typeof getProcessor>;
  readonly components: Partial<Components>;
  /** The URL options the processors were built for (the math pipeline is built from them too). */
  readonly policy: UrlPolicyOptions;
  /** Read `$…$`, `$$…$$`, `\\(…\\)` and `\\[…\\]` as math (see `math/`). */
  readonly math: boolean;
}

export function createRenderOptions(
  policy: UrlPolicyOptions,
  components: Partial<Components>,
  math = false,
): RenderOptions {
  return { processor: getProcessor(policy), components, policy, math };
}

export interface BlockProps {
  source: string;
  /** Not final yet: its code fences may still grow. */
  open: boolean;
  /** The last block of a streaming document: open markers are closed before parsing. */
  repair: boolean;
  cursor: boolean;
  /** Link reference definitions from other blocks, parsed along with this one (or ''). */
  definitions: string;
  options: RenderOptions;
}

/**
 * A block's tree. The common subset of Markdown is parsed quickly (`quickParse` from
 * `@rivulet/core/syntax`, the same tree as the full pipeline); a block that uses definitions from
 * other blocks, or anything outside the subset, goes through the full pipeline.
 */
function blockHast(markdown: string, definitions: string, options: RenderOptions, withMath = false): Root {
  // Footnote definitions show as the footnotes section they will be (see `footnote-definitions.ts`).
  const called = withFootnoteCalls(markdown);
  return called === undefined
    ? parseBlock(markdown, definitions, options, withMath)
    : showFootnoteDefinitions(parseBlock(called, definitions, options, withMath));
}

function parseBlock(markdown: string, definitions: string, options: RenderOptions, withMath: boolean): Root {
  // Math goes through the full pipeline: the quick parser does not read it.
  if (withMath) {
    const tree = mathMarkdownToHast(markdown + definitions, options.policy);
    if (tree) return tree;
  }
  return (
    (definitions === '' ? quickMarkdownToHast(markdown, options.processor) : undefined) ??
    markdownToHast(markdown + definitions, options.processor)
  );
}

/**
 * The growing last block, parsed again on every flush: an open code fence is built directly (but
 * an open ```` ```math ```` fence read as math goes through the math pipeline, as an open `$$` block
 * does). The `<pre>` of a fence the source leaves open is marked (see `markOpenFence`).
 */
function growingBlockHast(
  source: string,
  definitions: string,
  options: RenderOptions,
  withMath: boolean,
  cursor: boolean,
): Root {
  const fence = definitions === '' ? openFenceHast(source) : undefined;
  if (fence && !(withMath && isMathFence(fence))) {
    markOpenFence(fence);
    if (cursor) insertCursor(fence);
    return fence;
  }
  // Unchanged by repair: parse `source` itself, so the tree's text is cut from the string the
  // block keeps anyway, not from a copy that the block's last open render would keep alive.
  const fixed = repairMarkdown(source, { math: options.math });
  const repaired = fixed === source ? source : fixed;
  const tree = blockHast(repaired, definitions, options, withMath);
  if (endsInOpenFence(source, repaired)) markOpenFence(tree);
  // The text parsed places the cursor in a table's row (see `table-cursor.ts`).
  if (cursor) insertCursor(tree, repaired);
  return tree;
}

/**
 * One top-level block. Memoized: it renders again only when its own source changes. A long list,
 * table or quote is rendered child by child (`useSplitContent`), anything else whole.
 */
export const Block = memo(function Block(props: BlockProps) {
  const { source, open, repair, cursor, definitions, options } = props;
  const mathMarks = mayHaveMath(source);
  // Math is read by its own pipeline (see `math/`): a block that may hold it is rendered whole.
  const split = useSplitContent(props, definitions === '' && !mathMarks);
  const hasMath = split === undefined && options.math && mathMarks;
  const mathStatus = blockMathStatus(hasMath);
  const render = (withMath: boolean) => {
    const tree = repair
      ? growingBlockHast(source, definitions, options, withMath, cursor)
      : blockHast(source, definitions, options, withMath);
    if (cursor && !repair) insertCursor(tree, source);
    if (open) markOpenBlock(tree);
    showFootnoteCalls(tree, source);
    return hastToReact(tree, options.components);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: render reads exactly these.
  const content = useMemo(
    () =>
      split !== undefined
        ? split
        : hasMath && mathStatus === 'pending'
          ? undefined
          : render(hasMath && mathStatus === 'ready'),
    [split, source, open, repair, cursor, definitions, options, hasMath, mathStatus],
  );
  return useBlockContent(content, hasMath && mathStatus === 'pending');
});

interface BlockGroupProps {
  /** The group's blocks; the same array on every flush once the group is all final. */
  sources: readonly string[];
  /** Index of the group's first block in the document (used for keys). */
  start: number;
  /** Index (within the group) from which blocks are still open; `sources.length` if none. */
  openFrom: number;
  /** Whether this group holds the last block of a streaming document (repaired, maybe with cursor). */
  endsDocument: boolean;
  /** Whether the last block of this group shows the cursor. */
  cursor: boolean;
  /** Definitions found in final blocks so far (see `definitions.ts`). */
  definitions: string;
  options: RenderOptions;
  /** The group is complete, all its blocks are final and another group follows: it will not change again. */
  settled: boolean;
  /** This group holds the last block of the document (all of it rendered): that block is marked (`useGroupMarks`). */
  tail: boolean;
}

/**
 * After every commit of a group, two marks set on the elements directly, not through React (they
 * cost no render):
 * - While `tail`, its last block carries `data-rivulet-tail` (the stylesheet removes that block's
 *   bottom margin), and no other block does. A `:last-child` rule would make the browser restyle
 *   the whole previous block each time a block is appended (10 ms after a 40 KB list); an
 *   attribute moved from one element to the next restyles those two alone. Checked on every
 *   commit: the last block may be a new element (a paragraph that became a heading). A group whose
 *   only block shows nothing yet (a lone `#`) marks nothing: the block before it, in a group
 *   settled with its margin, keeps that margin for the update or two this lasts.
 * - Once `settled`, the group is marked `data-settled` and given the size the browser keeps for it
 *   while it is skipped, so skipping it never moves anything, even if it was never on screen: the
 *   distance from its top to the next group's, which includes the bottom margin a skipped group
 *   keeps inside it (blocks have no top margins; see `markdown.css`). Measured after the tail mark
 *   is gone, from the layout the commit needs anyway.
 */
function useGroupMarks(element: RefObject<HTMLDivElement | null>, tail: boolean, settled: boolean): void {
  useIsomorphicLayoutEffect(() => {
    // Set: the effect runs once the group's element is mounted.
    const group = element.current as HTMLDivElement;
    const mark = 'data-rivulet-tail';
    const last = tail && group.lastElementChild;
    for (const child of group.children) if (child !== last) child.removeAttribute(mark);
    // Set again only when missing: setting it anew restyles the block (the whole list, if it is one).
    if (last && !last.hasAttribute(mark)) last.setAttribute(mark, '');
    const done = 'data-settled';
    if (!settled || group.hasAttribute(done)) return;
    const box = group.getBoundingClientRect();
    const next = group.nextElementSibling;
    const height = next ? next.getBoundingClientRect().top - box.top : box.height;
    if (height > 0) group.style.setProperty('contain-intrinsic-block-size', `auto ${height}px`);
    group.setAttribute(done, '');
  });
}

/** A run of consecutive blocks. Memoized: a group of final blocks is skipped as a whole. */
export const BlockGroup = memo(function BlockGroup({
  sources,
  start,
  openFrom,
  endsDocument,
  cursor,
  definitions,
  options,
  settled,
  tail,
}: BlockGroupProps) {
  const last = sources.length - 1;
  const element = useRef<HTMLDivElement>(null);
  useGroupMarks(element, tail, settled);
  // The browser lays out a finished group as one unit, so a flush costs layout in proportion to
  // the groups and the last group's blocks, not to every block.
  return (
    <div className="rivulet-blocks" ref={element}>
      {sources.map((source, index) => (
        <Block
          // biome-ignore lint/suspicious/noArrayIndexKey: a block's position is its identity (blocks only get appended).
          key={start + index}
          source={source}
          open={index >= openFrom}
          repair={endsDocument && index === last}
          cursor={cursor && index === last}
          definitions={definitions !== '' && mayUseReference(source) ? definitions : ''}
          options={options}
        />
      ))}
    </div>
  );
});

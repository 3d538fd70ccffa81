/**
 * `IncrementalBlocks`: a streamed text rendered block by block, each block parsed once.
 *
 * Rendering is pure. What a render shows is a function of its props and of what the last
 * *committed* render showed, never of renders React threw away:
 * - the incremental splitter, the source arrays of finished groups and the definitions found so
 *   far live in a per-instance cache (`IncrementalCache`). Each is a memo of the text: whatever
 *   order renders run in (StrictMode renders twice, a transition may be abandoned and an older
 *   text rendered again), its answer for a text is the answer `splitBlocks` gives for it; the
 *   cache only decides how much work that takes, and starts over when a text does not extend the
 *   one it saw last;
 * - how far a backlog has been rendered (see `catchUpChars`) is written only after a commit, in a
 *   layout effect, so a render React discards or repeats moves nothing forward.
 */

import { type BlockSplitter, createBlockSplitter, type GrowingText, isGrowingText } from '@rivulet/core';
import { useEffect, useReducer, useRef, useState } from 'react';
import { TypingCursor } from '../typing-cursor';
import { useIsomorphicLayoutEffect } from '../use-stream';
import { BlockGroup, groupSize, type RenderOptions } from './blocks';
import { createDefinitionCollector, type DefinitionCollector } from './definitions';

/**
 * Source characters of new blocks one render may parse. A stream hands over a few characters per
 * frame, far below this; a backlog (a 5 MB answer arriving at once) is rendered over several
 * tasks instead, a slice each, so the page keeps painting and answering input meanwhile.
 */
export const catchUpChars = 64 * 1024;

/** How many of `blocks` to render now: all, unless the new ones exceed `catchUpChars`. */
function blocksToRender(blocks: readonly string[], rendered: number): number {
  let budget = catchUpChars;
  for (let index = Math.min(rendered, blocks.length); index < blocks.length; index += 1) {
    budget -= (blocks[index] as string).length;
    // At least one new block per render, however long.
    if (budget < 0 && index > rendered) return index;
  }
  return blocks.length;
}

/** Characters compared at each end of the previous text while streaming (see `extendsText`). */
const anchorChars = 1024;

/**
 * Whether `text` is `previous` with more appended. Comparing the whole previous text costs time in
 * proportion to the answer on every flush (a tenth of a 200 KB one's), so while streaming only its
 * first and last `anchorChars` are compared where they must be: text that grows by appending always
 * passes, and a new or regenerated answer differs within them. `thorough` (the render that ends the
 * stream) compares all of it, so a change anywhere is caught before the answer is left on screen.
 */
function extendsText(text: string, previous: string, thorough: boolean): boolean {
  const length = previous.length;
  if (text.length < length) return false;
  if (thorough || length <= 2 * anchorChars)
    return text.length === length ? text === previous : text.startsWith(previous);
  return (
    text.startsWith(previous.slice(0, anchorChars)) &&
    text.startsWith(previous.slice(-anchorChars), length - anchorChars)
  );
}

/** A `<Markdown>` text: a string, or a `GrowingText` read by what each update appended. */
export type MarkdownText = string | GrowingText;

/**
 * Whether `text` is `previous` with more appended. A `GrowingText` grown from `previous` is
 * known to extend it without reading either; otherwise both are compared as strings.
 */
function extendsInput(text: MarkdownText, previous: MarkdownText, thorough: boolean): boolean {
  if (previous.length === 0) return true;
  if (isGrowingText(text) && isGrowingText(previous)) return text.after(previous) !== undefined;
  return extendsText(String(text), String(previous), thorough);
}

/** What a text splits into: every block, how many are final, and the definitions they hold. */
interface SplitView {
  blocks: readonly string[];
  finalCount: number;
  definitions: string;
  /** Returns the source array of group `index` (`end` its block count), the same array once finished. */
  groupSources(
    index: number,
    blocks: readonly string[],
    start: number,
    end: number,
    finished: boolean,
  ): readonly string[];
}

/**
 * Memo of the splitting of one growing text. `split(text)` answers as `splitBlocks(text)` would,
 * however often and in whatever order it is called; it resumes from its last text when `text`
 * extends it and starts over otherwise.
 */
interface IncrementalCache {
  split(text: MarkdownText, final: boolean, math: boolean): SplitView;
  /** Whether the last split had any text. */
  readonly hasText: boolean;
}

function createIncrementalCache(): IncrementalCache {
  /** The splitter reads `$$` display blocks (as one leaf) when math is on (the default). */
  let splitsMath = true;
  let splitter: BlockSplitter = createBlockSplitter({ math: splitsMath });
  const definitions: DefinitionCollector = createDefinitionCollector();
  /** Source arrays of groups whose blocks are all final: the same array on every update. */
  const finishedGroups = new Map<number, readonly string[]>();
  let seen: MarkdownText = '';
  let last: { text: MarkdownText; final: boolean; view: SplitView } | undefined;

  function groupSources(index: number, blocks: readonly string[], start: number, end: number, finished: boolean) {
    let sources = finishedGroups.get(index);
    if (!finished || !sources) {
      sources = blocks.slice(start, end);
      if (finished) finishedGroups.set(index, sources);
    }
    return sources;
  }

  return {
    get hasText() {
      return seen.length > 0;
    },
    split(text, final, math) {
      if (last && last.text === text && last.final === final && splitsMath === math) return last.view;
      const isOtherSyntax = splitsMath !== math;
      if (isOtherSyntax) {
        splitsMath = math;
        splitter = createBlockSplitter({ math });
      }
      // A text grown from the last one hands over only its new pieces: the whole is never read.
      const appended = !isOtherSyntax && isGrowingText(text) && isGrowingText(seen) ? text.after(seen) : undefined;
      if (appended === undefined && (isOtherSyntax || !extendsInput(text, seen, final))) {
        splitter.reset();
        finishedGroups.clear();
        definitions.reset();
      }
      seen = text;
      const split = appended === undefined ? splitter.update(String(text)) : splitter.append(appended);
      const view: SplitView = {
        blocks: split.blocks,
        finalCount: split.finalCount,
        definitions: definitions.update(split.blocks, split.finalCount, final),
        groupSources,
      };
      last = { text, final, view };
      return view;
    },
  };
}

/** The per-instance cache; created once per `<Markdown>` and kept across renders. */
export function useIncrementalCache(): IncrementalCache {
  const [cache] = useState(createIncrementalCache);
  return cache;
}

export function IncrementalBlocks({
  text,
  final,
  repairTail,
  cursor,
  options,
  cache,
}: {
  text: MarkdownText;
  /** The text no longer grows: every block is final. */
  final: boolean;
  /** The text is incomplete: its last block is repaired (else parsed as written). */
  repairTail: boolean;
  cursor: boolean;
  options: RenderOptions;
  cache: IncrementalCache;
}) {
  const split = cache.split(text, final, options.math);
  const splitFinal = split.finalCount;
  // How far the last committed render got: read here, written only once a render is committed.
  const committed = useRef<{ text: MarkdownText; shown: number }>({ text: '', shown: 0 });
  const base = extendsInput(text, committed.current.text, final) ? committed.current.shown : 0;
  const shown = blocksToRender(split.blocks, base);
  const catchingUp = shown < split.blocks.length;
  useIsomorphicLayoutEffect(() => {
    committed.current = { text, shown };
  }, [text, shown]);
  // Rendering a backlog in slices: the next slice after this one is on screen.
  const [, renderMore] = useReducer((count: number) => count + 1, 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new slice on screen asks for the next one.
  useEffect(() => {
    if (!catchingUp) return;
    const timer = setTimeout(renderMore, 0);
    return () => clearTimeout(timer);
  }, [catchingUp, shown]);
  const blocks = catchingUp ? split.blocks.slice(0, shown) : split.blocks;
  // A finished document's last block is final too, but only for this render: if the text grows
  // again, the splitter still knows that block may change.
  const finalCount = final ? blocks.length : splitFinal;
  if (blocks.length === 0) return cursor ? <TypingCursor /> : null;
  const groups = [];
  for (let start = 0; start < blocks.length; start += groupSize) {
    const end = Math.min(start + groupSize, blocks.length);
    const index = start / groupSize;
    const finished = end - start === groupSize && end <= splitFinal;
    const sources = split.groupSources(index, blocks, start, end, finished);
    const endsDocument = end === blocks.length && !catchingUp;
    groups.push(
      <BlockGroup
        key={index}
        sources={sources}
        start={start}
        openFrom={Math.min(sources.length, Math.max(0, finalCount - start))}
        endsDocument={endsDocument && repairTail}
        cursor={cursor && endsDocument}
        definitions={split.definitions}
        options={options}
        settled={finished && end < blocks.length}
        tail={endsDocument}
      />,
    );
  }
  return groups;
}

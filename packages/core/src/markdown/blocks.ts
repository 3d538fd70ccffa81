/**
 * Block splitting: cuts Markdown into top-level blocks so a renderer can parse and render each one on
 * its own and cache the finished ones.
 *
 * Invariants:
 * - `blocks.join('') === text`; blank lines after a block belong to that block.
 * - Every block but the last is final: no continuation of the text can change it. A boundary is only
 *   placed at the start of a complete line that the block scanner proves opens a new top-level block,
 *   and only where it is certain to stay one: after blank lines, after a block that cannot grow
 *   (heading, thematic break, closed fence or HTML block), before an ATX heading or a code fence,
 *   or before a complete line that interrupts a paragraph or a table (a list, a quote, a thematic
 *   break, an HTML block: `Steps:\n- one\n` is cut before `- one`).
 *   The incomplete last line is cut at too where it can only start a block, however it ends (see
 *   `opensTopBlock`: after a closed top-level block once it has a character other than white space,
 *   after a list and a blank line when its first character starts no list marker): the block being
 *   typed is then its own block from its first character, so a renderer never has to move it out
 *   of the block before it.
 *   Everything else (a table after a paragraph, lazy continuation lines, a list whose first line
 *   is not complete yet) stays in one block: a merged block renders exactly as its parts would, a
 *   wrong cut would not.
 * - Parsing each block on its own gives the same tree as parsing the whole text, with one exception:
 *   link reference definitions (`[id]: /url`). A definition is an ordinary block here, so a reference
 *   link in another block resolves only if the renderer passes the definitions along (for example,
 *   by appending the definition lines of the final blocks to the block it parses, and re-rendering
 *   blocks that use `[text][id]` when a new definition becomes final). Splitting does not try to hide
 *   this, because a definition can arrive after the block that uses it.
 */

import { createScanState, opensTopBlock, scanLines } from './block-scanner';
import { sliceOrOpen } from './detach';

/** Options for `splitBlocks` and `createBlockSplitter`. */
export interface SplitOptions {
  /**
   * The text is rendered with math: a `$$` display block is one leaf, like a code fence (never cut
   * at a blank line inside it, and a fence line inside it opens nothing). Default false.
   */
  math?: boolean;
}

/**
 * Split Markdown into top-level blocks. All blocks but the last are final; `join('')` gives `text` back.
 *
 * @example
 * splitBlocks('# Title\n\nSome *text*\n') // ['# Title\n\n', 'Some *text*\n']
 */
export function splitBlocks(text: string, options: SplitOptions = {}): string[] {
  if (text === '') return [];
  const boundaries: number[] = [];
  const state = createScanState(options.math === true);
  const partial = scanLines(state, text, 0, (offset) => boundaries.push(offset));
  if (opensTopBlock(state, text, partial)) boundaries.push(partial);
  const blocks: string[] = [];
  let start = 0;
  for (const boundary of boundaries) {
    blocks.push(text.slice(start, boundary));
    start = boundary;
  }
  blocks.push(text.slice(start));
  return blocks;
}

/** Result of one `BlockSplitter.update`: every block so far; all but the last are final. */
export interface BlockSplit {
  /** All blocks, `blocks.join('') === text`. Entries before `finalCount` never change again. */
  readonly blocks: readonly string[];
  /** How many leading blocks are final (normally `blocks.length - 1`). */
  readonly finalCount: number;
}

/** Incremental splitter: resumes from the last final block, so work per update follows the new text. */
export interface BlockSplitter {
  /**
   * Split the full text seen so far. When `text` extends the previous text, only the new part and the
   * unfinished tail are scanned; otherwise the splitter starts over.
   */
  update(text: string): BlockSplit;
  /**
   * Split the text seen so far with `piece` appended, without being handed that whole text (see
   * `GrowingText`): the same result as `update(previous + piece)`.
   */
  append(piece: string): BlockSplit;
  /** Forget everything seen so far. */
  reset(): void;
}

/**
 * Create an incremental block splitter that gives the same blocks as `splitBlocks` for every text.
 *
 * The check that `text` extends the previous text compares the unfinished tail and the last final
 * block, not the whole prefix, so each update costs time in proportion to the new text and the tail.
 * Replacing text inside older final blocks without changing the tail is not detected: call `reset()`
 * (or pass a text that does not extend the old one) when the content is replaced rather than appended.
 *
 * @example
 * const splitter = createBlockSplitter();
 * splitter.update('# Title\n\nHel'); // { blocks: ['# Title\n\n', 'Hel'], finalCount: 1 }
 * splitter.append('lo'); // { blocks: ['# Title\n\n', 'Hello'], finalCount: 1 }
 */
export function createBlockSplitter(options: SplitOptions = {}): BlockSplitter {
  const math = options.math === true;
  let state = createScanState(math);
  let finals: string[] = [];
  /** Offset where the unfinished tail block starts. */
  let tailStart = 0;
  /** Offset of the first line not yet scanned (the incomplete last line, if any). */
  let scanFrom = 0;
  /**
   * The text from `tailStart` on: the open block as last returned, a string of its own (a block that
   * ends as it was is kept as that same string, and nothing keeps a whole text alive).
   */
  let open = '';

  function reset(): void {
    state = createScanState(math);
    finals = [];
    tailStart = 0;
    scanFrom = 0;
    open = '';
  }

  function extendsSeen(text: string): boolean {
    if (text.length < tailStart + open.length) return false;
    const lastFinal = finals[finals.length - 1];
    if (lastFinal !== undefined && !text.startsWith(lastFinal, tailStart - lastFinal.length)) return false;
    return text.startsWith(open, tailStart);
  }

  /**
   * Scans `tail` (the text from `tailStart`) and moves the final blocks out of it. `isOwn`: `tail` is
   * a string of its own, not a view into a longer text, so the open block may stay a view into it.
   */
  function split(tail: string, isOwn: boolean): BlockSplit {
    let cut = 0;
    const partial = scanLines(state, tail, scanFrom - tailStart, (offset) => {
      // A line already cut at while it was incomplete (below) is not cut at again.
      if (offset === cut) return;
      finals.push(sliceOrOpen(tail, cut, offset, open));
      cut = offset;
    });
    scanFrom = tailStart + partial;
    // An incomplete last line that can only start a new block ends the block before it now.
    if (partial > cut && opensTopBlock(state, tail, partial)) {
      finals.push(sliceOrOpen(tail, cut, partial, open));
      cut = partial;
    }
    tailStart += cut;
    const blocks = finals.slice();
    // Detached: a renderer that keeps the open block's source (a memoized element bailing out
    // keeps its previous props) must not keep a whole text alive with it.
    if (cut === tail.length) open = '';
    else if (isOwn && cut === 0) open = tail;
    else open = sliceOrOpen(tail, cut, tail.length, open);
    if (open !== '') blocks.push(open);
    return { blocks, finalCount: finals.length };
  }

  return {
    update(text) {
      if (!extendsSeen(text)) reset();
      return split(text.slice(tailStart), false);
    },
    append(piece) {
      return split(open + piece, true);
    },
    reset,
  };
}

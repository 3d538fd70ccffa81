/**
 * Markdown repair: makes the text of a still-streaming document render as the finished document will,
 * by closing what the stream left open at its end and hiding markers that have no content yet.
 * Only the last block is touched: earlier blocks are final and render as written.
 *
 * Invariants: repair never invents formatting (it only closes markers that CommonMark treats as
 * opening: `2 * 3`, `snake_case`, list bullets, escapes and code stay literal); a complete,
 * well-formed document is returned unchanged; repairing twice equals repairing once; it never throws.
 */

import { createScanState, scanLines } from './block-scanner';
import { repairBlockTail } from './repair/block-tail';
import { repairInline } from './repair/inline';

/** Options for `repairMarkdown`. */
export interface RepairOptions {
  /** Also close `$…$` and `$$…$$` math. Default false, so prices like `$750` are never touched. */
  math?: boolean;
}

/**
 * Rounds of repair until the text settles (see `repairMarkdown`). A round peels at most one layer of
 * empty trailing markers (`|*_**` + a backtick needs five), and each round only reads the tail block,
 * so the cap is generous; it only bounds pathological input.
 */
const MAX_ROUNDS = 64;

function repairOnce(text: string, math: boolean): { text: string; hidLine: boolean } {
  const state = createScanState();
  scanLines(state, text, 0);
  const tail = repairBlockTail(text, state);
  if (tail.inlineStart < 0) return tail;
  const inline = tail.text.slice(tail.inlineStart);
  const repaired = repairInline(inline, math);
  if (repaired.text === inline) return tail;
  const result = tail.text.slice(0, tail.inlineStart) + repaired.text;
  // Text removed (`- **`, `[*x`) changes what is around it: a half-typed line or a marker that now
  // opens can appear, so go round again until nothing is removed.
  return { text: result, hidLine: tail.hidLine || repaired.hasRemoved };
}

/**
 * Close the Markdown constructs a stream left open at the end of `partial`: emphasis, strikethrough,
 * inline code, code fences, links and images (and math with `{ math: true }`), in reverse order of
 * opening. Markers with nothing after them yet (`Hello **`, a lone `#` or `-` line) are hidden.
 *
 * @example
 * repairMarkdown('Some **bold and `co'); // 'Some **bold and `co`**'
 * repairMarkdown('See [the docs](https://exa'); // 'See the docs'
 */
export function repairMarkdown(partial: string, options: RepairOptions = {}): string {
  try {
    let text = partial;
    // Most texts settle in one round; a closer or a removal can change how the text around it reads
    // (a hidden `- **` leaves a half-typed `- `), so repeat until a round changes nothing.
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const next = repairOnce(text, options.math === true).text;
      if (next === text) break;
      text = next;
    }
    return text;
  } catch {
    return partial;
  }
}

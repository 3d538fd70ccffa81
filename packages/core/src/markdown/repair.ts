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

interface Round {
  text: string;
  /** Offsets of `<`, `&` and link `(` found plain so far (see `repair/joins.ts`). */
  plain: number[];
}

function repairOnce({ text, plain }: Round, math: boolean): Round {
  const state = createScanState(math);
  scanLines(state, text, 0);
  const tail = repairBlockTail(text, state);
  // Hiding a last line only cuts the text short: what stays keeps its offsets.
  const kept = plain.filter((at) => at < tail.text.length);
  if (tail.inlineStart < 0) return { text: tail.text, plain: kept };
  const start = tail.inlineStart;
  const inline = tail.text.slice(start);
  const wasPlain = new Set(kept.filter((at) => at >= start).map((at) => at - start));
  const repaired = repairInline(inline, math, wasPlain);
  return {
    text: tail.text.slice(0, start) + repaired.text,
    plain: [...kept.filter((at) => at < start), ...repaired.plainOpeners.map((at) => at + start)],
  };
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
    let round: Round = { text: partial, plain: [] };
    // Most texts settle in one round; a closer or a removal can change how the text around it reads
    // (a hidden `- **` leaves a half-typed `- `), so repeat until a round changes nothing.
    for (let count = 0; count < MAX_ROUNDS; count += 1) {
      const next = repairOnce(round, options.math === true);
      if (next.text === round.text) break;
      round = next;
    }
    return round.text;
  } catch {
    return partial;
  }
}

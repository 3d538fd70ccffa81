/**
 * Repair hides text in the middle of a line too (the `[` of a link in the making, a tag at the tail
 * after a `<` that is prose). What is left can then join into a construct that was not there: in
 * `AT&T[docs](https://exa` the `&T` meets `docs`, which reads as an entity being typed; in
 * `![a](b  ![c`, hiding `![c` leaves the first image's destination open again. The opener of such a
 * construct is escaped instead: `\\&`, `\\<`, `\\(` show the same character, and repairing again
 * keeps them, so repair stays idempotent and hides nothing the reader saw. Repair's rounds carry the
 * openers found plain to the next round, which keeps them plain: a later round's hiding (a half-typed
 * line) may be what joins them.
 */

import { isUnfinishedHtml, isUnfinishedReference } from './html-tail';
import { isOpenLinkTail } from './links';

/** Whether the opener at `at` starts an unfinished construct in `text`. */
function opensConstruct(text: string, at: number): boolean {
  const char = text[at];
  if (char === '<') return isUnfinishedHtml(text, at);
  if (char === '&') return isUnfinishedReference(text, at);
  return char === '(' && isOpenLinkTail(text, at);
}

/**
 * Escapes each opener of `openers` (offsets in `text`, the text after repair's edits) that starts an
 * unfinished construct in `text` although it started none before the edits. Returns the text and
 * where every opener is in it.
 */
export function escapeJoins(text: string, openers: readonly number[]): { text: string; openers: number[] } {
  const sorted = [...new Set(openers)].sort((a, b) => a - b);
  let result = '';
  let cursor = 0;
  const moved: number[] = [];
  for (const at of sorted) {
    if (opensConstruct(text, at)) {
      result += `${text.slice(cursor, at)}\\`;
      cursor = at;
    }
    moved.push(at + result.length - cursor);
  }
  return { text: result + text.slice(cursor), openers: moved };
}

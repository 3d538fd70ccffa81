/**
 * Whether a delimiter run (`*`, `_`, `~`) may open or close, as the pipeline decides it: the rule
 * is `inline-syntax.ts`'s (`flankingOf`, remark-cjk-friendly's reading of CommonMark). What is added
 * here is the subset's caution: the quick parser is sure of the classes of characters below U+1100,
 * General Punctuation, emoji and CJK; a run next to any other character from U+1100 on (variation
 * selectors, rarer scripts and symbols) leaves the subset.
 */

import { codeBefore, flankingOf, isCjk, isEmoji } from '../inline-syntax';
import { unsupported } from './unsupported';

/** Whether the quick parser is sure of the class of the code point `code` (the edge of the text counts). */
function isSure(code: number | undefined): boolean {
  if (code === undefined || code < 0x1100 || (code >= 0x2000 && code <= 0x206f)) return true;
  return isEmoji(String.fromCodePoint(code)) || isCjk(code);
}

/** Whether the run of `char` from `start` to `end` in `source` may open and may close. */
export function flanking(source: string, start: number, end: number): { open: boolean; close: boolean } {
  if (!isSure(codeBefore(source, start)) || !isSure(source.codePointAt(end))) unsupported();
  const { canOpen, canClose } = flankingOf(source, start, end);
  return { open: canOpen, close: canClose };
}

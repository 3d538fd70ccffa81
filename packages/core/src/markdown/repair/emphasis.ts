/**
 * Emphasis handler: delimiter runs of `*`, `_` and `~~`, classified with CommonMark's flanking rules
 * and matched against the open-marker stack as CommonMark's emphasis algorithm does. Only a run that
 * really opens (left-flanking and not right-flanking) is ever closed by repair, so `2 * 3`, `2*3`,
 * `snake_case_names` and list bullets stay literal.
 */

import { isPunctuation, isWhitespace } from './characters';
import type { InlineContext } from './inline-context';

export interface DelimiterRun {
  char: '*' | '_' | '~';
  length: number;
  canOpen: boolean;
  canClose: boolean;
  /** Opens without also being able to close: the only kind of opener repair closes. */
  isClosable: boolean;
}

/** Classify the delimiter run of `length` characters at `index`. */
export function classifyRun(text: string, index: number, length: number): DelimiterRun {
  const char = text[index] as DelimiterRun['char'];
  const before = text[index - 1];
  const after = text[index + length];
  const leftFlanking = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
  const rightFlanking =
    !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
  const canOpen = char === '_' ? leftFlanking && (!rightFlanking || isPunctuation(before)) : leftFlanking;
  const canClose = char === '_' ? rightFlanking && (!leftFlanking || isPunctuation(after)) : rightFlanking;
  return { char, length, canOpen, canClose, isClosable: canOpen && !rightFlanking };
}

/** CommonMark's "rule of three" for runs that can both open and close. */
function breaksRuleOfThree(opener: { length: number; canClose: boolean }, closer: DelimiterRun): boolean {
  if (!opener.canClose && !closer.canOpen) return false;
  const sum = opener.length + closer.length;
  return sum % 3 === 0 && !(opener.length % 3 === 0 && closer.length % 3 === 0);
}

/**
 * Handle a delimiter run at `index`; returns the index after it.
 * | input            | effect                                                  |
 * |------------------|---------------------------------------------------------|
 * | `**bold`         | pushes `**` (closable)                                  |
 * | `**bold**`       | the closer pops the opener                              |
 * | `Hello **`       | a run with nothing after it, after a space: hidden      |
 * | `2 * 3`, `a_b_c` | neither opens nor closes: literal                       |
 * | `~`, `~~~`       | only `~~` is strikethrough here: literal                |
 */
export function handleEmphasis(context: InlineContext, index: number): number {
  const { text } = context;
  const char = text[index];
  let end = index;
  while (text[end] === char) end += 1;
  const length = end - index;
  if (char === '~' && length !== 2) return end;
  const run = classifyRun(text, index, length);
  let remaining = length;
  if (run.canClose) {
    for (let position = context.stack.length - 1; position >= 0 && remaining > 0; position -= 1) {
      const opener = context.stack[position];
      if (opener?.kind !== 'emphasis' || opener.char !== char) continue;
      if (char === '~' ? opener.remaining !== remaining : breaksRuleOfThree(opener, run)) continue;
      const used = char === '~' ? 2 : remaining >= 2 && opener.remaining >= 2 ? 2 : 1;
      opener.remaining -= used;
      remaining -= used;
      // Openers between the pair can no longer match anything: they stay literal.
      context.stack.splice(position + 1);
      if (opener.remaining === 0) context.stack.splice(position, 1);
      position = context.stack.length;
    }
  }
  const before = text[index - 1];
  if (remaining === length && end === text.length && (isWhitespace(before) || isPunctuation(before))) {
    context.deletions.push([index, end]); // nothing after it yet: an opener in the making
    return end;
  }
  if (remaining > 0 && run.canOpen) {
    context.stack.push({
      kind: 'emphasis',
      char: run.char,
      start: end - remaining,
      length: remaining,
      remaining,
      canClose: run.canClose,
      isClosable: run.isClosable,
    });
  }
  return end;
}

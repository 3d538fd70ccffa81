/**
 * Emphasis handler: delimiter runs of `*`, `_` and `~~`, classified with CommonMark's flanking rules
 * (as micromark, remark's parser, applies them) and paired as CommonMark's emphasis algorithm does:
 * runs are collected while scanning and paired once the text is scanned. A complete link takes the
 * runs inside its text off the stack, so they never pair with runs outside it. Only a run that really opens
 * (left-flanking and not right-flanking) is ever closed by repair, so `2 * 3`, `2*3`,
 * `snake_case_names` and list bullets stay literal.
 *
 * | input            | effect                                                  |
 * |------------------|---------------------------------------------------------|
 * | `**bold`         | `**` stays open (closable)                              |
 * | `**bold**`       | the closer pairs with the opener                        |
 * | `*[*a*](u)`      | the `*` inside the link pair with each other            |
 * | `Hello **`       | a run with nothing after it, after a space: hidden      |
 * | `*a**b`          | `**` cannot close `*` (rule of three): both stay open   |
 * | `2 * 3`, `a_b_c` | neither opens nor closes: literal                       |
 * | `~`, `~~~`       | only `~~` is strikethrough here: literal                |
 */

import { CJK, classBefore, flankingOf, isWhitespace, PUNCTUATION, WHITESPACE } from '../inline-syntax';
import type { EmphasisMarker, InlineContext } from './inline-context';

/**
 * The run of `length` characters at `index` as a marker: whether it may open or close is
 * CommonMark's flanking rule as the pipeline reads it (`flankingOf`); whether repair may close it is
 * decided here.
 */
function classifyRun(text: string, index: number, length: number): EmphasisMarker {
  const char = text[index] as EmphasisMarker['char'];
  const end = index + length;
  const { before, after, rightFlanking, canOpen, canClose } = flankingOf(text, index, end);
  // Inside a word a run both opens and closes and repair leaves it (`2*3`, `a**b`); CJK text has no
  // spaces between words, so there a run that opens is an opener (`中文**强调`; a `_` opens there
  // only after punctuation).
  const isInsideCjk = ((before | after) & CJK) !== 0;
  return {
    kind: 'emphasis',
    char,
    start: index,
    end,
    length,
    remaining: length,
    canOpen,
    canClose,
    isClosable: canOpen && (!rightFlanking || isInsideCjk),
  };
}

/**
 * The "rule of three" for runs that can both open and close, on the delimiters still unused
 * (micromark's reading of it: `**A*!*` pairs the last `*` with what is left of the `**`).
 */
function canPair(opener: EmphasisMarker, closer: EmphasisMarker): boolean {
  if (opener.char === '~') return opener.remaining === closer.remaining;
  if (!opener.canClose && !closer.canOpen) return true;
  const sum = opener.remaining + closer.remaining;
  return sum % 3 !== 0 || (opener.remaining % 3 === 0 && closer.remaining % 3 === 0);
}

/** Record the delimiter run at `index`; returns the index after it. */
export function handleEmphasis(context: InlineContext, index: number): number {
  const { text } = context;
  const char = text[index];
  let end = index;
  while (text[end] === char) end += 1;
  if (char === '~' && end - index !== 2) {
    // A lone `~` ending the text after a space may be the first half of `~~`: hide it meanwhile.
    const isHalfCloser = end === text.length && end - index === 1 && isWhitespace(text[index - 1]);
    if (isHalfCloser) context.trailingRun = { start: index, end, marker: undefined };
    return end;
  }
  const run = classifyRun(text, index, end - index);
  const marker = run.canOpen || run.canClose ? run : undefined;
  if (marker) context.stack.push(marker);
  // Nothing after it yet: an opener in the making, after a space or punctuation, or inside CJK text.
  const before = classBefore(text, index);
  if (end === text.length && ((before & (WHITESPACE | PUNCTUATION)) !== 0 || (char !== '_' && (before & CJK) !== 0))) {
    context.trailingRun = { start: index, end, marker };
  }
  return end;
}

/**
 * Pair the delimiter runs on the stack, closers from left to right, each with the nearest opener
 * that fits. Delimiters between a pair stay literal and leave the stack, as do spent runs and
 * closers that found nothing; what remains are openers still waiting for a closer.
 * Runs are linked to the nearest live run before them, so a long paragraph of pairs stays linear.
 */
function pairDelimiters(context: InlineContext): void {
  const runs = context.stack.filter((marker): marker is EmphasisMarker => marker.kind === 'emphasis');
  const isLive = runs.map(() => true);
  const previous = runs.map((_, index) => index - 1);
  for (let closerAt = 0; closerAt < runs.length; closerAt += 1) {
    const before = closerAt - 1;
    if (before >= 0 && !isLive[before]) previous[closerAt] = previous[before] ?? -1;
    const closer = runs[closerAt];
    if (!closer?.canClose) continue;
    let openerAt = previous[closerAt] ?? -1;
    // Whether the rule of three kept this run from closing an opener that repair would close.
    let isBlocked = false;
    while (openerAt >= 0 && closer.remaining > 0) {
      const opener = runs[openerAt];
      if (!opener?.canOpen || opener.char !== closer.char || opener.remaining === 0 || !canPair(opener, closer)) {
        if (opener?.isClosable && opener.char === closer.char && opener.remaining > 0) isBlocked = true;
        openerAt = previous[openerAt] ?? -1;
        continue;
      }
      const used = opener.remaining >= 2 && closer.remaining >= 2 ? 2 : 1;
      opener.remaining -= used;
      closer.remaining -= used;
      closer.start += used;
      for (let between = previous[closerAt] ?? -1; between > openerAt; between = previous[between] ?? -1) {
        isLive[between] = false;
      }
      isLive[openerAt] = opener.remaining > 0;
      previous[closerAt] = opener.remaining > 0 ? openerAt : (previous[openerAt] ?? -1);
      openerAt = previous[closerAt] ?? -1;
    }
    if (closer.remaining === 0 || !closer.canOpen) isLive[closerAt] = false;
    // A run inside a word that could not close the open emphasis before it opens inside it
    // (`*a**b`): the finished text closes both, so repair does too (`*a**b***`).
    else if (isBlocked && closer.remaining === closer.length) closer.isClosable = true;
  }
  const dead = new Set(runs.filter((_, index) => !isLive[index]));
  let kept = 0;
  for (const marker of context.stack) {
    if (marker.kind !== 'emphasis' || !dead.has(marker)) context.stack[kept++] = marker;
  }
  context.stack.length = kept;
}

/** Pair what is left once the whole text is scanned, and hide a trailing run no pair used. */
export function finishEmphasis(context: InlineContext): void {
  pairDelimiters(context);
  const trailing = context.trailingRun;
  if (!trailing || (trailing.marker && trailing.marker.remaining !== trailing.marker.length)) return;
  context.deletions.push([trailing.start, trailing.end]);
  const position = trailing.marker ? context.stack.indexOf(trailing.marker) : -1;
  if (position !== -1) context.stack.splice(position, 1);
}

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
 * | `2 * 3`, `a_b_c` | neither opens nor closes: literal                       |
 * | `~`, `~~~`       | only `~~` is strikethrough here: literal                |
 */

import { isPunctuation, isWhitespace } from './characters';
import type { EmphasisMarker, InlineContext } from './inline-context';

/** micromark lets a `*` or `_` run always open before, and always close after, a `~` (`x*~~a~~*`). */
const LOOSENING_MARKER = '~';

/** Classify the delimiter run of `length` characters at `index`. */
function classifyRun(text: string, index: number, length: number): EmphasisMarker {
  const char = text[index] as EmphasisMarker['char'];
  const before = text[index - 1];
  const after = text[index + length];
  const afterOther = !isWhitespace(after) && !isPunctuation(after);
  const beforeOther = !isWhitespace(before) && !isPunctuation(before);
  const isMarkerAware = char !== '~';
  const leftFlanking =
    afterOther || (isPunctuation(after) && !beforeOther) || (isMarkerAware && after === LOOSENING_MARKER);
  const rightFlanking =
    beforeOther || (isPunctuation(before) && !afterOther) || (isMarkerAware && before === LOOSENING_MARKER);
  const canOpen = char === '_' ? leftFlanking && (!rightFlanking || !beforeOther) : leftFlanking;
  const canClose = char === '_' ? rightFlanking && (!leftFlanking || !afterOther) : rightFlanking;
  const end = index + length;
  return {
    kind: 'emphasis',
    char,
    start: index,
    end,
    length,
    remaining: length,
    canOpen,
    canClose,
    isClosable: canOpen && !rightFlanking,
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
  if (char === '~' && end - index !== 2) return end;
  const run = classifyRun(text, index, end - index);
  const marker = run.canOpen || run.canClose ? run : undefined;
  if (marker) context.stack.push(marker);
  const before = text[index - 1];
  if (end === text.length && (isWhitespace(before) || isPunctuation(before))) {
    context.trailingRun = { start: index, end, marker }; // nothing after it yet: an opener in the making
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
    while (openerAt >= 0 && closer.remaining > 0) {
      const opener = runs[openerAt];
      if (!opener?.canOpen || opener.char !== closer.char || opener.remaining === 0 || !canPair(opener, closer)) {
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

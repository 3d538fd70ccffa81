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

import { isPunctuation, isWhitespace } from './characters';
import type { EmphasisMarker, InlineContext } from './inline-context';

/** A character's class next to a delimiter run, as bit flags. */
const WHITESPACE = 1;
const PUNCTUATION = 2;
const CJK = 4;

/**
 * The characters remark-cjk-friendly counts as CJK: East Asian Width wide (but emoji), fullwidth
 * or halfwidth, and Hangul, every range of them from U+1100 on, as the Unicode data it reads
 * (get-east-asian-width 1.7) gives them. The quick parser of `@rivulet/react` has the same table.
 */
const CJK_RANGES = (
  '1100-11ff 20a9 2329-232a 2630-2637 268a-268f 2e80-2e99 2e9b-2ef3 2f00-2fd5 2ff0-303e ' +
  '3041-3096 3099-30ff 3105-312f 3131-318e 3190-31e5 31ef-321e 3220-3247 3250-a48c ' +
  'a490-a4c6 a960-a97c ac00-d7a3 d7b0-d7c6 d7cb-d7fb f900-faff fe10-fe19 fe30-fe52 ' +
  'fe54-fe66 fe68-fe6b ff01-ffbe ffc2-ffc7 ffca-ffcf ffd2-ffd7 ffda-ffdc ffe0-ffe6 ' +
  'ffe8-ffee 16fe0-16fe4 16ff0-16ff6 17000-18cda 18cff-18d20 18d80-18df2 18e00-19191 ' +
  '191a0-191d2 1aff0-1aff3 1aff5-1affb 1affd-1affe 1b000-1b128 1b132 1b150-1b152 1b155 ' +
  '1b164-1b168 1b170-1b2fb 1d300-1d356 1d360-1d376 1f1ae 1f200 1f202 1f210-1f219 ' +
  '1f21b-1f22e 1f230-1f231 1f237 1f23b 1f240-1f248 1f260-1f265 1f6d9 1f7da 1fa8b-1fa8d ' +
  '1facc 1fadd 1faeb 1faf9-1fafa 20000-2fffd 30000-3fffd'
)
  .split(' ')
  .map((range) => range.split('-').map((bound) => Number.parseInt(bound, 16)));

const isLowSurrogate = (char: string | undefined) => char !== undefined && /[\uDC00-\uDFFF]/.test(char);

/** The code point ending right before `index`, or `undefined` at the start. */
function codeBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  return text.codePointAt(index >= 2 && isLowSurrogate(text[index - 1]) ? index - 2 : index - 1);
}

/** The class of a code point (a whole one: an emoji next to a run is punctuation, not a letter). */
function classOf(code: number | undefined): number {
  if (code === undefined) return WHITESPACE;
  const char = String.fromCodePoint(code);
  if (isWhitespace(char)) return WHITESPACE;
  const kind = isPunctuation(char) ? PUNCTUATION : 0;
  if (code < 0x1100 || /\p{Emoji_Presentation}/u.test(char)) return kind;
  return CJK_RANGES.some(([from = 0, to = from]) => code >= from && code <= to) ? kind | CJK : kind;
}

/**
 * The class of what precedes `index`. A variation selector takes the class of the character it
 * selects (a curly quote with U+FE01 is CJK punctuation); an ideographic variation selector
 * follows an ideograph, so it counts as CJK.
 */
function classBefore(text: string, index: number): number {
  const code = codeBefore(text, index);
  if (code === undefined) return WHITESPACE;
  if (code >= 0xe0100 && code <= 0xe01ef) return CJK;
  if (code < 0xfe00 || code > 0xfe0e) return classOf(code);
  const selected = codeBefore(text, index - 1);
  const group = classOf(selected);
  if (selected === undefined || group === WHITESPACE) return 0;
  const isCjkQuote = code === 0xfe01 && [0x2018, 0x2019, 0x201c, 0x201d].includes(selected);
  return isCjkQuote ? PUNCTUATION | CJK : group;
}

/** Whitespace or punctuation that is not CJK: where CommonMark's rules see a word boundary. */
const isBoundary = (group: number) => group === WHITESPACE || group === PUNCTUATION;

/**
 * Classify the delimiter run of `length` characters at `index` by CommonMark's flanking rules as
 * remark-cjk-friendly and its strikethrough twin read them (the pipeline's): next to CJK text, a
 * run opens or closes where a word boundary is not needed (`**中文。**后`, `**「引用」**です`).
 * micromark lets a `*` or `_` run always open before, and always close after, a `~` (`x*~~a~~*`).
 */
function classifyRun(text: string, index: number, length: number): EmphasisMarker {
  const char = text[index] as EmphasisMarker['char'];
  const end = index + length;
  const before = classBefore(text, index);
  const after = classOf(text.codePointAt(end));
  const isMarkerAware = char !== '~';
  const beforeBoundary = isBoundary(before) || (isMarkerAware && /[*_]/.test(text[index - 1] ?? ''));
  const afterBoundary = isBoundary(after) || (isMarkerAware && /[*_]/.test(text[end] ?? ''));
  const leftFlanking =
    !afterBoundary ||
    (after === PUNCTUATION && (beforeBoundary || (before & CJK) !== 0)) ||
    (isMarkerAware && text[end] === '~');
  const rightFlanking =
    !beforeBoundary ||
    (before === PUNCTUATION && (afterBoundary || (after & CJK) !== 0)) ||
    (isMarkerAware && text[index - 1] === '~');
  const beforeWord = (before & (WHITESPACE | PUNCTUATION)) === 0;
  const afterWord = (after & (WHITESPACE | PUNCTUATION)) === 0;
  const canOpen = char === '_' ? leftFlanking && (!rightFlanking || !beforeWord) : leftFlanking;
  const canClose = char === '_' ? rightFlanking && (!leftFlanking || !afterWord) : rightFlanking;
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

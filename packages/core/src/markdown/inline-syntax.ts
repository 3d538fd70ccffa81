/**
 * Inline Markdown syntax: the character classes CommonMark's delimiter rules read (as
 * remark-cjk-friendly, the pipeline's, reads them next to CJK text), whether a delimiter run may
 * open or close, code span runs, and the shapes of autolinks and HTML attributes. Pure functions
 * over a text and an offset: the one home of these rules, read by repair and the quick parser.
 */

/** A character's class next to a delimiter run, as bit flags (micromark's, and the extension's). */
export const WHITESPACE = 1;
export const PUNCTUATION = 2;
export const CJK = 4;

/** Unicode whitespace; the start and end of the text count as whitespace too. */
export function isWhitespace(char: string | undefined): boolean {
  return char === undefined || /\s/u.test(char);
}

/** ASCII or Unicode punctuation and symbols, as CommonMark's flanking rules define them. */
export function isPunctuation(char: string | undefined): boolean {
  return char !== undefined && /[\p{P}\p{S}]/u.test(char);
}

export function isAlphanumeric(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** The ASCII punctuation a backslash escapes. */
export function isAsciiPunctuation(char: string | undefined): boolean {
  return char !== undefined && /^[!-/:-@[-`{-~]$/.test(char);
}

/** The text with its backslash escapes decoded (`\\*` is `*`; a backslash before anything else stays). */
export function decodeEscapes(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** An emoji shown as one: next to a delimiter run it is punctuation or nothing, never CJK. */
export function isEmoji(char: string): boolean {
  return /\p{Emoji_Presentation}/u.test(char);
}

/**
 * The characters remark-cjk-friendly counts as CJK: East Asian Width wide (but emoji), fullwidth
 * or halfwidth, and Hangul, every range of them from U+1100 on, as the Unicode data it reads
 * (get-east-asian-width 1.7) gives them.
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

/** Whether the code point is CJK to remark-cjk-friendly (only code points from U+1100 on are). */
export function isCjk(code: number): boolean {
  for (const [from = 0, to = from] of CJK_RANGES) if (code >= from && code <= to) return true;
  return false;
}

const isLowSurrogate = (char: string | undefined) => char !== undefined && /[\uDC00-\uDFFF]/.test(char);

/** The code point ending right before `index`, or `undefined` at the start. */
export function codeBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  return text.codePointAt(index >= 2 && isLowSurrogate(text[index - 1]) ? index - 2 : index - 1);
}

/** The class of a code point (a whole one: an emoji next to a run is punctuation, not a letter). */
export function classOf(code: number | undefined): number {
  if (code === undefined) return WHITESPACE;
  const char = String.fromCodePoint(code);
  if (isWhitespace(char)) return WHITESPACE;
  const kind = isPunctuation(char) ? PUNCTUATION : 0;
  if (code < 0x1100 || isEmoji(char)) return kind;
  return isCjk(code) ? kind | CJK : kind;
}

/**
 * The class of what precedes `index`. A variation selector takes the class of the character it
 * selects (a curly quote with U+FE01 is CJK punctuation); an ideographic variation selector
 * follows an ideograph, so it counts as CJK.
 */
export function classBefore(text: string, index: number): number {
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

/** How a delimiter run stands between its neighbours. */
export interface RunFlanking {
  /** The class of the character before the run, and after it. */
  before: number;
  after: number;
  leftFlanking: boolean;
  rightFlanking: boolean;
  /** May open, and may close, emphasis (or strikethrough, for `~`). */
  canOpen: boolean;
  canClose: boolean;
}

/**
 * Classify the delimiter run of `*`, `_` or `~` from `index` to `end` by CommonMark's flanking
 * rules as remark-cjk-friendly and its strikethrough twin read them (the pipeline's): next to CJK
 * text, a run opens or closes where a word boundary is not needed (`**中文。**后`, `**「引用」**です`).
 * micromark lets a `*` or `_` run always open before, and always close after, a `~` (`x*~~a~~*`),
 * and counts a `*` or `_` next to the run as punctuation.
 */
export function flankingOf(text: string, index: number, end: number): RunFlanking {
  const char = text[index];
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
  return {
    before,
    after,
    leftFlanking,
    rightFlanking,
    canOpen: char === '_' ? leftFlanking && (!rightFlanking || !beforeWord) : leftFlanking,
    canClose: char === '_' ? rightFlanking && (!leftFlanking || !afterWord) : rightFlanking,
  };
}

/** Where the run of `char` starting at `index` ends. */
export function runEnd(text: string, index: number, char: string): number {
  let end = index;
  while (text[end] === char) end += 1;
  return end;
}

/**
 * Index of the next run of exactly `length` `char`s at or after `from`, or -1: the closer of a code
 * span (backticks) or of math (`$`) opened by a run of that length.
 */
export function findRun(text: string, char: string, length: number, from: number): number {
  let index = text.indexOf(char, from);
  while (index !== -1) {
    const end = runEnd(text, index, char);
    if (end - index === length) return index;
    index = text.indexOf(char, end);
  }
  return -1;
}

/**
 * A URI autolink's scheme and body (`<https://example.com>` without its brackets): a scheme of 2 to
 * 32 characters, a colon, then no control character, space, `<` or `>`.
 */
export const URI_AUTOLINK = String.raw`[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\0- <>]*`;

/** An e-mail autolink's address (`<me@example.com>` without its brackets). */
export const EMAIL_AUTOLINK = String.raw`[\w.!#$%&'*+/=?^\x60{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*`;

/** One attribute of an HTML tag, with the whitespace before it (`\s+name="value"`). */
export const HTML_ATTRIBUTE = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`;

/**
 * A footnote call as answers write it, `[^label]` with a label of letters, digits, `-` and `_`
 * (GFM allows more), the label captured: what the renderer shows as a superscript while a text
 * streams, before the definitions at its end arrive.
 */
export const footnoteCall = /\[\^([\p{L}\p{N}_-]{1,99})\]/u;

/** Whether `text` is a footnote call still being written: `[^`, then label characters only. */
export function isOpenFootnoteCall(text: string): boolean {
  return /^\[\^[\p{L}\p{N}_-]*$/u.test(text);
}

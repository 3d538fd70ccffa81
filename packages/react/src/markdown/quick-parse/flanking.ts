/**
 * Whether a delimiter run (`*`, `_`, `~`) may open or close, as the pipeline decides it: remark-
 * cjk-friendly and its strikethrough twin replace CommonMark's flanking rules so that emphasis
 * next to CJK text and punctuation works (`**中文。**后`, `**「引用」**です`). Their rules read
 * whole code points rather than UTF-16 units (an emoji next to a run is punctuation), and class
 * characters from U+1100 on by East Asian Width: wide, fullwidth and halfwidth characters (but
 * emoji) and Hangul are CJK. The quick parser knows those ranges and the General Punctuation and
 * emoji that are not CJK; a run next to any other character from U+1100 on (variation selectors,
 * rarer scripts and symbols) leaves the subset.
 */

import { unsupported } from './unsupported';

/** A character's class next to a delimiter run: bit flags, as micromark's and the extension's. */
const whitespace = 1;
const punctuation = 2;
const cjk = 4;

const unicodeWhitespace = /\s/;
const unicodePunctuation = /[\p{P}\p{S}]/u;
const emoji = /\p{Emoji_Presentation}/u;

/**
 * The characters that are CJK to the extension: every range of them from U+1100 on, as the
 * Unicode data it reads (get-east-asian-width 1.7) gives them; `@rivulet/core`'s repair has the
 * same table. Outside these, only General Punctuation and emoji are classed (neither is CJK).
 */
const cjkRanges = (
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

function isCjk(code: number): boolean {
  for (const [from = 0, to = from] of cjkRanges) if (code >= from && code <= to) return true;
  return false;
}

/** Classifies the code point `char`; `undefined` (the edge of the text) is whitespace. */
function classify(char: string | undefined): number {
  if (char === undefined || unicodeWhitespace.test(char)) return whitespace;
  const code = char.codePointAt(0) as number;
  const kind = unicodePunctuation.test(char) ? punctuation : 0;
  if (code < 0x1100 || (code >= 0x2000 && code <= 0x206f) || emoji.test(char)) return kind;
  if (isCjk(code)) return kind | cjk;
  return unsupported();
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** The code point that ends right before `index`. */
function charBefore(source: string, index: number): string | undefined {
  if (index === 0) return undefined;
  const start = index >= 2 && isLowSurrogate(source.charCodeAt(index - 1)) ? index - 2 : index - 1;
  return String.fromCodePoint(source.codePointAt(start) as number);
}

/** The code point that starts at `index`. */
function charAt(source: string, index: number): string | undefined {
  if (index >= source.length) return undefined;
  const unit = source.charCodeAt(index);
  return isHighSurrogate(unit) ? String.fromCodePoint(source.codePointAt(index) as number) : source[index];
}

const isNonCjkPunctuation = (group: number) => group === punctuation;
const isSpaceOrNonCjkPunctuation = (group: number) => group === whitespace || group === punctuation;

/** Whether the run of `char` from `start` to `end` in `source` may open and may close. */
export function flanking(source: string, start: number, end: number): { open: boolean; close: boolean } {
  const char = source[start];
  const previous = source[start - 1];
  const next = source[end];
  const before = classify(charBefore(source, start));
  const after = classify(charAt(source, end));
  if (char === '~') {
    // remark-cjk-friendly-gfm-strikethrough.
    const beforeSpace = isSpaceOrNonCjkPunctuation(before);
    const afterSpace = isSpaceOrNonCjkPunctuation(after);
    return {
      open: !afterSpace || (isNonCjkPunctuation(after) && (beforeSpace || (before & cjk) !== 0)),
      close: !beforeSpace || (isNonCjkPunctuation(before) && (afterSpace || (after & cjk) !== 0)),
    };
  }
  // remark-cjk-friendly; a `*` or `_` next to the run counts as punctuation, GFM's `~` as a marker.
  const beforeSpace = isSpaceOrNonCjkPunctuation(before) || previous === '*' || previous === '_';
  const afterSpace = isSpaceOrNonCjkPunctuation(after) || next === '*' || next === '_';
  const open = !afterSpace || (isNonCjkPunctuation(after) && (beforeSpace || (before & cjk) !== 0)) || next === '~';
  const close =
    !beforeSpace || (isNonCjkPunctuation(before) && (afterSpace || (after & cjk) !== 0)) || previous === '~';
  if (char === '*') return { open, close };
  return {
    open: open && ((before & (whitespace | punctuation)) !== 0 || !close),
    close: close && ((after & (whitespace | punctuation)) !== 0 || !open),
  };
}

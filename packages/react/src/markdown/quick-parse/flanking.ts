/**
 * Whether a delimiter run (`*`, `_`, `~`) may open or close, as the pipeline decides it: remark-
 * cjk-friendly and its strikethrough twin replace CommonMark's flanking rules so that emphasis
 * next to CJK text and punctuation works (`**中文。**后`, `**「引用」**です`). Their rules read
 * whole code points rather than UTF-16 units (an emoji next to a run is punctuation), and class
 * characters from U+1100 on by East Asian Width: wide, fullwidth and halfwidth characters (but
 * emoji) and Hangul are CJK. The quick parser knows the BMP's CJK ranges, the ideographic planes
 * and the General Punctuation and emoji that are not CJK; a run next to any other character from
 * U+1100 on (variation selectors, rarer scripts and symbols) leaves the subset.
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
 * The characters that are CJK to the extension (East Asian Width wide but not emoji, fullwidth,
 * halfwidth, or Hangul): every such range of the BMP from U+1100 on, and the ideographic planes,
 * as the Unicode data it reads gives them. Outside these, the quick parser only classes General
 * Punctuation and emoji (neither CJK) and leaves the subset for the rest.
 */
const cjkRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x11ff],
  [0x20a9, 0x20a9],
  [0x2329, 0x232a],
  [0x2630, 0x2637],
  [0x268a, 0x268f],
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x2ff0, 0x303e],
  [0x3041, 0x3096],
  [0x3099, 0x30ff],
  [0x3105, 0x312f],
  [0x3131, 0x318e],
  [0x3190, 0x31e5],
  [0x31ef, 0x321e],
  [0x3220, 0x3247],
  [0x3250, 0xa48c],
  [0xa490, 0xa4c6],
  [0xa960, 0xa97c],
  [0xac00, 0xd7a3],
  [0xd7b0, 0xd7c6],
  [0xd7cb, 0xd7fb],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe52],
  [0xfe54, 0xfe66],
  [0xfe68, 0xfe6b],
  [0xff01, 0xffbe],
  [0xffc2, 0xffc7],
  [0xffca, 0xffcf],
  [0xffd2, 0xffd7],
  [0xffda, 0xffdc],
  [0xffe0, 0xffe6],
  [0xffe8, 0xffee],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isCjk(code: number): boolean {
  for (const [from, to] of cjkRanges) if (code >= from && code <= to) return true;
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

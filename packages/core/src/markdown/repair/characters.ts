import { literalUrlLength } from './literal-url';

/**
 * Character classes CommonMark's delimiter rules use, and the literal spans (escapes, autolinks,
 * raw HTML, bare URLs) inside which no marker counts. Shared by the inline repair handlers.
 */

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

const AUTOLINK =
  /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|^<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*>/;
const HTML_TAG =
  /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|^<!--[\s\S]*?-->/;

/**
 * Length of a literal span starting at `index` in which markers do not count, or 0.
 * Covers backslash escapes, `<autolinks>`, inline HTML tags and GFM bare URLs (whose trailing
 * punctuation, like a closing `**`, is not part of the URL).
 */
export function literalLength(text: string, index: number): number {
  const char = text[index];
  if (char === '\\') return index + 1 < text.length ? 2 : 1;
  if (char === '<') {
    const rest = text.slice(index);
    return AUTOLINK.exec(rest)?.[0].length ?? HTML_TAG.exec(rest)?.[0].length ?? 0;
  }
  if (char === 'h' || char === 'w') return literalUrlLength(text, index);
  return 0;
}

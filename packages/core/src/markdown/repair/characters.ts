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
const BARE_URL = /^(?:https?:\/\/|www\.)[^\s<[\]]*/;

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
  if ((char === 'h' || char === 'w') && !isAlphanumeric(text[index - 1])) {
    const url = BARE_URL.exec(text.slice(index))?.[0];
    if (url === undefined) return 0;
    let end = url.length;
    // GFM leaves trailing punctuation and an unbalanced `)` out of the URL.
    for (;;) {
      const last = url[end - 1] ?? '';
      if (/[?!.,:*_~'"\\]/.test(last)) end -= 1;
      else if (last === ')' && count(url, '(', end) < count(url, ')', end)) end -= 1;
      else return end;
    }
  }
  return 0;
}

function count(text: string, char: string, end: number): number {
  let total = 0;
  for (let index = 0; index < end; index += 1) if (text[index] === char) total += 1;
  return total;
}

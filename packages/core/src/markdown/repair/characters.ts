import { EMAIL_AUTOLINK, HTML_ATTRIBUTE, URI_AUTOLINK } from '../inline-syntax';
import { literalUrlLength } from '../literal-url';

/**
 * The literal spans (escapes, autolinks, raw HTML, bare URLs) inside which no marker counts, for the
 * inline repair handlers. The syntax they match is `inline-syntax.ts`'s.
 */

const AUTOLINK = new RegExp(`^<(?:${URI_AUTOLINK}|${EMAIL_AUTOLINK})>`);
const HTML_TAG = new RegExp(String.raw`^<\/?[A-Za-z][A-Za-z0-9-]*(?:${HTML_ATTRIBUTE})*\s*\/?>|^<!--[\s\S]*?-->`);

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
  if (char === 'h' || char === 'w' || char === 'H' || char === 'W') return literalUrlLength(text, index);
  return 0;
}

/**
 * Links written as bare URLs: CommonMark autolinks (`<https://example.com>`) and GFM's literal
 * `http://` and `https://` links, in the plain shapes LLMs write. Anything less plain (e-mail
 * addresses, `www.` links, URLs with parentheses, quotes, entities or non-ASCII characters) is
 * left to the full parser.
 */

import { URI_AUTOLINK } from '../inline-syntax';
import { literalUrlLength } from '../literal-url';
import { unsupported } from './unsupported';

/** A CommonMark URI autolink: `<`, a scheme, `:`, no spaces, controls or angle brackets, `>`. */
const angle = new RegExp(`<(${URI_AUTOLINK})>`, 'y');

/** What follows a literal link up to the next space or `<`. */
const trailingRun = /[^\s<]*/y;

/** A literal link the quick parser is sure of, trailing punctuation already left out. */
const plainUrl = /^https?:\/\/[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*(?::[0-9]+)?(?:[/?#][\w\-.~/%=+#?:!,]*)?$/i;

/** The autolink `<…>` at `start`, or `undefined` when there is none. */
export function angleAutolink(source: string, start: number): { url: string; end: number } | undefined {
  angle.lastIndex = start;
  const match = angle.exec(source);
  if (!match) return undefined;
  const url = match[1] as string;
  // Escapes and references are not decoded in autolinks: leave such text to the full parser.
  if (/[\\&]/.test(url)) unsupported();
  return { url, end: angle.lastIndex };
}

/**
 * Whether `<` at `start` is only a character: followed by a tag name and then a character no
 * HTML tag allows there (as `<http:`). Other `<` may start HTML: outside the subset.
 */
export function literalAngle(source: string, start: number): boolean {
  return /^<[A-Za-z][A-Za-z0-9-]*[^A-Za-z0-9\-\s/>]/.test(source.slice(start, start + 64));
}

/**
 * The end of the GFM literal link starting at `start` (at `http://` or `https://`, any case, and
 * the character before is not an ASCII letter), trailing punctuation left out. Throws `unsupported`
 * for a URL outside the plain shapes.
 */
export function literalLinkEnd(source: string, start: number): number {
  const end = start + literalUrlLength(source, start);
  // What follows the URL up to a space must be punctuation GFM leaves out. Anything else is
  // text repair's reading ends the URL before while it streams (a final `\\`, a `&` at the end),
  // or a URL outside the plain shapes: remark decides those.
  trailingRun.lastIndex = end;
  const trailing = trailingRun.exec(source)?.[0] ?? '';
  if (!/^[?!.,:*_~)]*$/.test(trailing) || !plainUrl.test(source.slice(start, end))) unsupported();
  return end;
}

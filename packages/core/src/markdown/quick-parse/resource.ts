/**
 * The inline resource after a link's or image's text: `(destination "title")`, as CommonMark
 * reads it. Destinations in `<…>` and character references leave the subset.
 */

import { decodeEscapes, isAsciiPunctuation } from '../inline-syntax';
import { unsupported } from './unsupported';

/** The inline resource `(destination "title")` at `start`, or `undefined` when there is none. */
export function resource(
  source: string,
  start: number,
): { url: string; title: string | null; end: number } | undefined {
  let index = start + 1;
  const skipSpace = () => {
    let lineEndings = 0;
    while (source[index] === ' ' || source[index] === '\n') {
      if (source[index] === '\n') lineEndings += 1;
      index += 1;
    }
    if (lineEndings > 1) unsupported();
  };
  skipSpace();
  if (source[index] === ')') return { url: '', title: null, end: index + 1 };
  if (source[index] === '<') unsupported();
  const destinationStart = index;
  let depth = 0;
  while (index < source.length) {
    const char = source[index] as string;
    if (char === '\\' && isAsciiPunctuation(source[index + 1])) {
      index += 2;
      continue;
    }
    if (char === '(') {
      depth += 1;
      if (depth > 32) unsupported();
    } else if (char === ')') {
      if (depth === 0) break;
      depth -= 1;
    } else if (char === ' ' || char === '\n' || char < ' ' || char === '\u007f') break;
    index += 1;
  }
  if (depth !== 0 || index === destinationStart) return undefined;
  const destination = source.slice(destinationStart, index);
  const beforeTitle = index;
  skipSpace();
  let title: string | null = null;
  const quote = source[index];
  if (index > beforeTitle && (quote === '"' || quote === "'" || quote === '(')) {
    const closing = quote === '(' ? ')' : quote;
    let end = index + 1;
    while (end < source.length && source[end] !== closing) {
      if (source[end] === '\n' || (quote === '(' && source[end] === '(')) unsupported();
      end += source[end] === '\\' ? 2 : 1;
    }
    if (end >= source.length) return undefined;
    title = decodeEscapes(source.slice(index + 1, end));
    index = end + 1;
    skipSpace();
  }
  if (source[index] !== ')') return undefined;
  // Character references in either would be decoded.
  if (destination.includes('&') || title?.includes('&')) unsupported();
  return { url: decodeEscapes(destination), title, end: index + 1 };
}

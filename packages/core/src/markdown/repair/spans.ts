/**
 * Code span and math handler. A backtick run opens a code span that ends at the next run of the same
 * length; inside it nothing else counts. When no closer follows, the rest of the text is code and
 * repair closes it. Math (`$…$`, `$$…$$`) works the same way when enabled, except that a single `$`
 * opens only before a letter, `\`, `(`, `{` or `[` (so `$750` is a price, not math); `\(…\)` and
 * `\[…\]` are math up to their closers.
 *
 * | input          | repaired         |
 * |----------------|------------------|
 * | `` `code ``    | `` `code` ``     |
 * | ` ``a ` b `    | ` ``a ` b`` `    |
 * | `` say ` ``    | `say ` (hidden)  |
 * | `$x^2` (math)  | `$x^2$`          |
 * | `$750`         | unchanged        |
 * | `\(x^2` (math) | `\(x^2\)`        |
 */

import { findRun, runEnd } from '../inline-syntax';
import type { InlineContext } from './inline-context';

export function handleCodeSpan(context: InlineContext, index: number): number {
  const { text } = context;
  const end = runEnd(text, index, '`');
  const length = end - index;
  const closer = findRun(text, '`', length, end);
  if (closer !== -1) return closer + length;
  context.stack.push({ kind: 'code', char: '`', start: index, length });
  context.isDone = true;
  return text.length;
}

export function handleMath(context: InlineContext, index: number): number {
  const { text } = context;
  const end = runEnd(text, index, '$');
  const length = end - index;
  if (!context.math || length > 2) return end;
  if (length === 1) {
    const after = text[end];
    // `$750`, `$ 5`: currency. A single `$` opens math only before a letter, `\`, `(`, `{` or `[`.
    if (after === undefined || !/[\p{L}\\({[]/u.test(after)) return end;
    // A closing `$` must not follow a space; keep looking past ones that do.
    for (let closer = findRun(text, '$', 1, end); closer !== -1; closer = findRun(text, '$', 1, closer + 1)) {
      if (!/\s/.test(text[closer - 1] ?? '')) return closer + 1;
    }
  } else {
    const closer = findRun(text, '$', 2, end);
    if (closer !== -1) return closer + 2;
  }
  context.stack.push({ kind: 'math', char: '$', start: index, length });
  context.isDone = true;
  return text.length;
}

/**
 * `\\(` and `\\[` (with math on): math up to the next `\\)` or `\\]`, or to the end of the text, where
 * repair closes it. Anything else after a backslash is left to the escape rules.
 */
export function handleBackslashMath(context: InlineContext, index: number): number {
  const { text } = context;
  const closer = text[index + 1] === '(' ? '\\)' : '\\]';
  const end = text.indexOf(closer, index + 2);
  if (end !== -1) return end + 2;
  context.stack.push({ kind: 'math', char: '\\', start: index, length: 2, closer });
  context.isDone = true;
  return text.length;
}

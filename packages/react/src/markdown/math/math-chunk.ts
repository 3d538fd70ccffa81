/**
 * The lazily loaded math chunk: the `$`/`$$` syntax (micromark-extension-math, mdast-util-math),
 * the delimiter rewrite and KaTeX, which come together
 * the first time an answer holds math, so an answer without math never downloads either.
 *
 * KaTeX runs with `throwOnError: true` (a formula that does not parse is reported here, never
 * drawn as KaTeX's red error text), `trust: false` (no `\href`, `\url`, `\includegraphics`,
 * `\htmlClass`: nothing in a formula becomes a link, a resource or markup of the model's choosing)
 * and bounded expansion. Its output is KaTeX's own markup built from the TeX source, inserted by
 * `<MathFormula>`; it never passes through the Markdown sanitizer, which only ever sees the source.
 */

import { normalizeMath } from '@rivulet/core';
import katex from 'katex';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import type { SyntaxExtensions } from '../remark-syntax';

export { rehypeMathElements } from './math-elements';
export { normalizeMath };

/**
 * The `$`/`$$` syntax, parse side only (what remark-math registers, minus its serializer). Single
 * dollars are read: `normalizeMath` has already escaped every `$` that is text.
 */
export function mathSyntax(): SyntaxExtensions {
  return { extensions: [math({ singleDollarTextMath: true })], mdastExtensions: [mathFromMarkdown()] };
}

/** What drawing one formula gave: KaTeX's markup, or why there is none. */
export type TexOutcome = { html: string } | { error: string };

const cacheLimit = 500;
const outcomes = new Map<string, TexOutcome>();

function renderNow(tex: string, display: boolean): TexOutcome {
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
      maxExpand: 1000,
      maxSize: 50,
    });
    return { html };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Renders `tex` (cached by source: a final formula is drawn once). Never throws. */
export function renderTex(tex: string, display: boolean): TexOutcome {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let outcome = outcomes.get(key);
  if (!outcome) {
    outcome = renderNow(tex, display);
    if (outcomes.size >= cacheLimit) outcomes.delete(outcomes.keys().next().value as string);
    outcomes.set(key, outcome);
  }
  return outcome;
}

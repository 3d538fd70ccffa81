/**
 * The markup of one formula, shared by the client's `<MathFormula>` and the server's renderer:
 * KaTeX's HTML when there is some, else the TeX source as text with its state. No hooks, so it
 * renders in React Server Components too.
 */

export interface FormulaMarkupProps {
  /** `'inline'` (a `<span>`) or `'display'` (a `<div>`). */
  kind: string;
  tex: string;
  /** KaTeX's markup for `tex`, when it was drawn. */
  html: string | undefined;
  /** Why the source shows instead: not drawn yet, or it does not parse. */
  state: 'pending' | 'error';
}

export function FormulaMarkup({ kind, tex, html, state }: FormulaMarkupProps) {
  const Tag = kind === 'display' ? 'div' : 'span';
  if (html !== undefined) {
    // A wide display formula scrolls sideways: keyboard users must be able to reach it (as shiki's `<pre>`).
    const tabIndex = kind === 'display' ? 0 : undefined;
    return (
      // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's markup built from the TeX source with trust off (see math-chunk.ts).
      <Tag className="rivulet-math" data-math={kind} tabIndex={tabIndex} dangerouslySetInnerHTML={{ __html: html }} />
    );
  }
  return (
    <Tag className="rivulet-math" data-math={kind} data-state={state}>
      {tex}
    </Tag>
  );
}

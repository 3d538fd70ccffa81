/**
 * The code text covered by highlighted tokens, line by line: all of a line that carries the base
 * style itself (fully highlighted), else the text of its styled tokens.
 */
export function highlightedText(pre: Element): string {
  return [...pre.querySelectorAll('.line')]
    .map((line) =>
      line.hasAttribute('style')
        ? line.textContent
        : [...line.querySelectorAll('span[style]')].map((span) => span.textContent).join(''),
    )
    .join('\n')
    .replace(/\n+$/, '');
}

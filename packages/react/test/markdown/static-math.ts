/**
 * Math in the static reference render (`static-html.ts`): each formula remark-math found (and each
 * fenced code block whose language is `math`, display math as GitHub reads it), drawn by
 * KaTeX into the wrapper `<Markdown>` gives it (`<span|div class="rivulet-math" data-math=…>`), or
 * its source marked `data-state="error"` when KaTeX cannot draw it. Written from KaTeX's API and
 * the documented options, not from the renderer's code.
 */

import type { Element, ElementContent, Root } from 'hast';
import katex from 'katex';
import { loadMath } from '../../src/markdown/math/load-math';

// `<Markdown>` draws math in its first render once the chunk is loaded, as the reference does.
await loadMath();

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A formula as `<Markdown>` draws it. */
export function formulaHtml(tex: string, display: boolean): string {
  const tag = display ? 'div' : 'span';
  // A drawn display formula is focusable (it may scroll sideways); inline ones and sources are not.
  const open = `<${tag} class="rivulet-math" data-math="${display ? 'display' : 'inline'}"`;
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
    return `${open}${display ? ' tabindex="0"' : ''}>${html}</${tag}>`;
  } catch {
    return `${open} data-state="error">${escapeHtml(tex)}</${tag}>`;
  }
}

const textOf = (node: Element): string =>
  node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : ''))
    .join('');

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
}

function draw(parent: Root | Element): void {
  const children = parent.children as ElementContent[];
  children.forEach((child, index) => {
    if (child.type !== 'element') return;
    const code = child.tagName === 'pre' ? child.children.find((node) => node.type === 'element') : undefined;
    if (code?.type === 'element' && hasClass(code, 'math-display')) {
      children[index] = { type: 'raw', value: formulaHtml(textOf(code), true) } as unknown as ElementContent;
    } else if (code?.type === 'element' && hasClass(code, 'language-math')) {
      // A fenced code block whose language is `math` is display math, as on GitHub: its content is
      // the code block's text, less the line break remark-rehype ends every code block with.
      const tex = textOf(code).replace(/\n$/, '');
      children[index] = { type: 'raw', value: formulaHtml(tex, true) } as unknown as ElementContent;
    } else if (child.tagName === 'code' && hasClass(child, 'math-inline')) {
      children[index] = { type: 'raw', value: formulaHtml(textOf(child), false) } as unknown as ElementContent;
    } else draw(child);
  });
}

/** rehype plugin: remark-math's `<code>` elements replaced by the formulas' markup (raw HTML). */
export function rehypeDrawFormulas() {
  return (tree: Root): void => draw(tree);
}

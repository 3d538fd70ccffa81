/**
 * Text direction of rendered Markdown, as GitHub renders it: each block that holds prose (paragraph,
 * heading, list, quote, table) gets `dir="auto"`, so the browser sets it right to left when its first
 * strong character is Arabic or Hebrew, and left to right otherwise; list items and cells follow their
 * list or table, so markers and columns line up. Code is always left to right (`dir="ltr"` on `<pre>` and
 * on inline `<code>`), and `dir="auto"` skips an element with its own `dir`, so a paragraph that opens
 * with inline code takes its direction from the words after it.
 *
 * It runs last in the pipeline, after the sanitizer: the attributes are the renderer's, never the text's.
 */

import type { Element, Root } from 'hast';

const autoBlocks = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'table']);

function visit(node: Root | Element, inCode: boolean): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const tag = child.tagName;
    if (tag === 'pre' || (tag === 'code' && !inCode)) child.properties.dir = 'ltr';
    else if (autoBlocks.has(tag)) child.properties.dir = 'auto';
    visit(child, inCode || tag === 'pre');
  }
}

/** Sets `dir` on the blocks and code of a hast tree (see the module comment). */
export function setDirection(tree: Root | Element): void {
  visit(tree, false);
}

/** The rehype plugin of `setDirection`. */
export function rehypeDirection() {
  return setDirection;
}

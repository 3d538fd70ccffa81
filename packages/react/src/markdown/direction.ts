/**
 * Text direction of rendered Markdown. Each top-level block that holds prose (paragraph, heading,
 * list, quote, table) gets `dir="auto"`, so the browser sets it right to left when its first strong
 * character is Arabic or Hebrew, and left to right otherwise. Only top-level blocks: `dir="auto"` skips
 * descendants that have a `dir` of their own, so a quote or a loose list whose paragraphs carried one
 * would find no text and stay left to right; what a container holds (items, cells, a quote's
 * paragraphs) follows it, and markers, the quote bar and columns line up with its text. Code is always
 * left to right (`dir="ltr"` on `<pre>` and on inline `<code>`, at any depth), and since `dir="auto"`
 * skips it, a paragraph that opens with inline code takes its direction from the words after it.
 *
 * It runs last in the pipeline, after the sanitizer: the attributes are the renderer's, never the text's.
 */

import type { Element, Root } from 'hast';

const autoBlocks = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'table']);

function visit(node: Root | Element, depth: number, inCode: boolean): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const tag = child.tagName;
    if (tag === 'pre' || (tag === 'code' && !inCode)) child.properties.dir = 'ltr';
    else if (depth === 0 && autoBlocks.has(tag)) child.properties.dir = 'auto';
    visit(child, depth + 1, inCode || tag === 'pre');
  }
}

/** Sets `dir` on the top-level blocks and the code of a hast tree (see the module comment). */
export function setDirection(tree: Root): void {
  visit(tree, 0, false);
}

/** The rehype plugin of `setDirection`. */
export function rehypeDirection() {
  return setDirection;
}

/**
 * For a tree parsed from text that sits inside a container (a block quote's content, parsed on its
 * own): its top-level blocks are not top-level in the document, so they follow the container instead.
 */
export function nestDirection(tree: Root): void {
  for (const child of tree.children) {
    if (child.type === 'element' && child.properties.dir === 'auto') delete child.properties.dir;
  }
}

/**
 * Footnote definitions while a text streams. GFM renders a definition (`[^1]: The source.`) only
 * in the footnotes section it builds for the calls that use it, and a block parsed on its own has
 * no calls: the definitions at the end of an answer would stream in unseen, then appear at once
 * when it finishes. So a block of a streaming text that defines footnotes is parsed with a call to
 * each of them in front, and shows the section GFM builds for them, without that paragraph of
 * calls:
 *
 * - each definition is the section's list item it will be, in order, numbered by its label when
 *   the label is a number (`[^2]` is item 2, as its calls show `2` while streaming: see
 *   `footnote-calls.ts`);
 * - the section's heading (read by screen readers only) and the links back to the calls are left
 *   out: the calls have no ids yet, and several blocks may define footnotes.
 *
 * Once the text is finished it is rendered in one pass (see `needsWholeDocument` in
 * `markdown.tsx`): the section is then GFM's, numbered in the order of the calls, after the text.
 */

import { footnoteDefinitionLabels } from '@rivulet/core/syntax';
import type { Element, ElementContent, Root } from 'hast';
import { hastText } from './render-hast';

/**
 * The Markdown to parse instead of `markdown` when it defines footnotes: a paragraph calling each
 * of them first, in order; `undefined` when it defines none. Cheap when the block holds no `[^`
 * (most blocks).
 */
export function withFootnoteCalls(markdown: string): string | undefined {
  const labels = footnoteDefinitionLabels(markdown);
  return labels.length > 0 ? `${labels.map((label) => `[^${label}]`).join('')}\n\n${markdown}` : undefined;
}

/** Whether an element shows any text. */
const shows = (node: Element): boolean => hastText(node).trim() !== '';

/**
 * Removes the section's heading and the links back to the calls (with the space before each), and
 * the items with no text yet (`[^1]:` alone shows nothing, as a list marker alone does); numbers
 * each item by its label when that is a number.
 */
function prune(parent: Element): void {
  const kept: ElementContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (child.tagName === 'h2') continue;
      if ('dataFootnoteBackref' in child.properties) {
        const before = kept.at(-1);
        if (before?.type === 'text') before.value = before.value.trimEnd();
        continue;
      }
      prune(child);
      if (child.tagName === 'li') {
        if (!shows(child)) continue;
        const label = String(child.properties.id).replace('user-content-fn-', '');
        if (/^[1-9]\d{0,8}$/.test(label)) child.properties.value = label;
      }
    }
    kept.push(child);
  }
  parent.children = kept;
}

/**
 * Turns the tree of `withFootnoteCalls(markdown)` into what the block shows while it
 * streams, in place: the leading paragraph of calls removed, the footnotes section kept without
 * its heading and back links, each item numbered by its label when that is a number (a section
 * with no item to show yet is removed).
 */
export function showFootnoteDefinitions(tree: Root): Root {
  // The paragraph of calls comes first.
  const calls = tree.children.findIndex((node) => node.type === 'element');
  if (calls !== -1) tree.children.splice(calls, 1);
  tree.children = tree.children.filter((node) => {
    if (node.type !== 'element' || !('dataFootnotes' in node.properties)) return true;
    prune(node);
    return shows(node);
  });
  return tree;
}

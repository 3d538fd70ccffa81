/**
 * GFM task list items: a list item whose first line starts with `[ ]`, `[x]` or `[X]` and a
 * space. remark-gfm sets the item's `checked` and drops the marker and one space from the start
 * of its first paragraph; the quick parser reads the line as a paragraph (where `[ ]` is literal
 * text) and does the same to the tree. Markers with nothing after them on their line (`- [ ]`,
 * `- [x]  ` with the text on the next line) have rules of their own and leave the subset.
 */

import type { BlockContent } from 'mdast';
import { unsupported } from './unsupported';

/** A task marker followed by a space and text on the same line. */
const taskMarker = /^\[([ xX])\] +\S/;
/** Anything else that may be a task marker: with nothing or a line ending after it. */
const bareTaskMarker = /^\[[ xX]\] *$/;

/**
 * The `checked` of a list item whose content starts with `firstLine` and whose first block
 * is `first`, taking the task marker out of that block's text; `null` for an item that is no task.
 */
export function taskItem(firstLine: string, first: BlockContent | undefined): boolean | null {
  const match = taskMarker.exec(firstLine);
  if (!match) {
    if (bareTaskMarker.test(firstLine)) unsupported();
    return null;
  }
  const head = first?.type === 'paragraph' ? first.children[0] : undefined;
  // The marker is literal text at the start of a paragraph (a table there would be no task).
  if (first?.type !== 'paragraph' || head?.type !== 'text' || !head.value.startsWith(match[0].slice(0, 4)))
    unsupported();
  head.value = head.value.slice(4);
  if (head.value === '') first.children.shift();
  return match[1] !== ' ';
}

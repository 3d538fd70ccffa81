/**
 * From a sanitized hast tree to React elements (`hast-to-react.ts`), plus the placement of the
 * typing cursor inside the tree so that it sits at the end of the last text (inside the last
 * paragraph, list item, heading, table cell or code) rather than on a line of its own; in a table,
 * in the cell being typed.
 */

import type { Element, ElementContent, Root } from 'hast';
import type { Components } from 'hast-util-to-jsx-runtime';
import type { ReactNode } from 'react';
import { hastElementToReact, hastToReactElements } from './hast-to-react';
import { typedCellIndex } from './table-cursor';

/** Tag name of the placeholder element that becomes `<TypingCursor />`. */
export const cursorTagName = 'rivulet-cursor';

/** Elements the cursor goes after, never into (a formula is drawn from its source as a whole). */
const voidElements = new Set(['img', 'br', 'hr', 'input', 'source', 'wbr', 'rivulet-math']);

function cursorNode(): Element {
  return { type: 'element', tagName: cursorTagName, properties: {}, children: [] };
}

function isBlank(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && node.value.trim() === '');
}

/** Puts the cursor after the last piece of text in `parent`; returns false when there is none. */
function placeCursor(parent: Root | Element, source: string | undefined): boolean {
  if (parent.type === 'element' && parent.tagName === 'tr' && source !== undefined) {
    // The row being typed: the cell the source is in, not the empty cells the parser padded it with.
    const cells = parent.children.filter((node): node is Element => node.type === 'element');
    const cell = cells[Math.min(typedCellIndex(source), cells.length - 1)];
    if (cell) {
      if (!placeCursor(cell, source)) cell.children.push(cursorNode());
      return true;
    }
  }
  const children = parent.children as ElementContent[];
  for (let index = children.length - 1; index >= 0; index -= 1) {
    const child = children[index] as ElementContent;
    if (isBlank(child)) continue;
    if (child.type !== 'element' || voidElements.has(child.tagName)) {
      children.splice(index + 1, 0, cursorNode());
      return true;
    }
    if (child.tagName === 'pre') {
      // Code blocks draw the cursor themselves, at the end of the code.
      const code = child.children.find((node): node is Element => node.type === 'element' && node.tagName === 'code');
      (code ?? child).children.push(cursorNode());
      return true;
    }
    if (!placeCursor(child, source)) child.children.push(cursorNode());
    return true;
  }
  return false;
}

/**
 * Mutates `tree` so that it ends with the cursor placeholder at the end of its last text. With the
 * `source` the tree was parsed from, a table's last row gets it in the cell being typed.
 */
export function insertCursor(tree: Root, source?: string): void {
  if (!placeCursor(tree, source)) tree.children.push(cursorNode());
}

/** Whether a hast element holds the cursor placeholder as a direct child. */
export function hasCursorChild(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && child.tagName === cursorTagName);
}

/** The text content of a hast node, without the cursor placeholder. */
export function hastText(node: Element | Root): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element' && child.tagName !== cursorTagName) text += hastText(child);
  }
  return text;
}

export { hastElementToReact };

/** Renders a hast tree with the given component overrides. */
export function hastToReact(tree: Root, components: Partial<Components>): ReactNode {
  return hastToReactElements(tree, components);
}

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

import type { Element, ElementContent, Root } from 'hast';

/** A line that opens a footnote definition at the top level, and its label. */
const definitionLine = /^ {0,3}\[\^([^\]\s\\^]{1,999})\]:/gmu;

/**
 * The labels `markdown` defines footnotes for, in order; empty when it defines none. Cheap when the
 * block holds no `[^` (most blocks).
 */
export function definedFootnotes(markdown: string): string[] {
  if (!markdown.includes('[^')) return [];
  return [...markdown.matchAll(definitionLine)].map((match) => match[1] as string);
}

/** The Markdown to parse instead of `markdown`: a paragraph calling each of `labels` first. */
export function withFootnoteCalls(markdown: string, labels: readonly string[]): string {
  return `${labels.map((label) => `[^${label}]`).join(' ')}\n\n${markdown}`;
}

function isElement(node: ElementContent | Root['children'][number]): node is Element {
  return node.type === 'element';
}

const isBackReference = (node: ElementContent): boolean =>
  isElement(node) && node.tagName === 'a' && 'dataFootnoteBackref' in node.properties;

/** `children` without the back-reference links and the space before each. */
function withoutBackReferences(children: ElementContent[]): ElementContent[] {
  const kept: ElementContent[] = [];
  for (const node of children) {
    if (!isBackReference(node)) {
      kept.push(node);
      continue;
    }
    const before = kept.at(-1);
    if (before?.type !== 'text') continue;
    const trimmed = before.value.replace(/ $/, '');
    if (trimmed === '') kept.pop();
    else kept[kept.length - 1] = { ...before, value: trimmed };
  }
  return kept;
}

/** Whether a node shows any text. */
function hasText(node: ElementContent): boolean {
  if (node.type === 'text') return node.value.trim() !== '';
  return isElement(node) && node.children.some(hasText);
}

/**
 * Turns the tree of `withFootnoteCalls(markdown, labels)` into what the block shows while it
 * streams, in place: the leading paragraph of calls removed, the footnotes section kept without
 * its heading and back links, each item numbered by its label when that is a number.
 */
export function showFootnoteDefinitions(tree: Root): void {
  const first = tree.children.findIndex(isElement);
  if (first !== -1 && (tree.children[first] as Element).tagName === 'p') {
    // The paragraph of calls and the line break after it.
    const next = tree.children[first + 1];
    tree.children.splice(first, next?.type === 'text' && next.value.trim() === '' ? 2 : 1);
  }
  tree.children = tree.children.filter((section) => {
    if (!isElement(section) || section.tagName !== 'section' || !('dataFootnotes' in section.properties)) return true;
    section.children = section.children.filter((node) => !(isElement(node) && node.tagName === 'h2'));
    // The text node between the removed heading and the list.
    while (section.children[0]?.type === 'text' && section.children[0].value.trim() === '') section.children.shift();
    for (const list of section.children) {
      if (!isElement(list) || list.tagName !== 'ol') continue;
      list.children = list.children.filter((item) => {
        if (!isElement(item)) return true;
        item.children = withoutBackReferences(item.children);
        for (const child of item.children) if (isElement(child)) child.children = withoutBackReferences(child.children);
        const label = String(item.properties.id ?? '').replace(/^user-content-fn-/, '');
        if (/^[1-9]\d{0,8}$/.test(label)) item.properties = { ...item.properties, value: label };
        // A definition whose text has not come yet (`[^1]:`) shows nothing, as a list marker alone does.
        return item.children.some(hasText);
      });
    }
    // A section whose definitions all wait for their text shows nothing yet.
    return section.children.some(hasText);
  });
}

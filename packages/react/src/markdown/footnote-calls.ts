/**
 * Footnote calls while a text streams. GFM reads `[^1]` as a footnote call only when the text
 * defines `[^1]:` somewhere, and answers define their footnotes at the end: parsed block by block
 * as it streams, every call would show as raw `[^1]` until the stream ends. So a block rendered
 * while the text streams shows each `[^label]` left as text as the call it will most likely become:
 * a superscript link to the footnote, with the label as its text (`1` for `[^1]`, the usual label).
 *
 * Only a streaming text goes through here: once finished, a text holding `[^` is rendered in one
 * pass (see `needsWholeDocument` in `markdown.tsx`), with the calls GFM resolves and the footnotes
 * section, exactly as the static render. A call that is never defined then shows as written.
 */

import { footnoteCall } from '@rivulet/core/syntax';
import type { Element, Root, RootContent } from 'hast';
import { mathTagName } from './math/tag-name';

/** Elements whose text is never a footnote call: code, math, links (a call cannot sit in a link). */
const skipped = new Set(['code', 'pre', 'a', mathTagName]);

/**
 * Labels the block's Markdown writes as calls, when it holds a backslash: an escaped call
 * (`\[^1]`, `[\^1]`) is literal text, and the tree holds the same `[^1]` for both, so only a label
 * the source writes unescaped is shown as a call (a block writing one label both ways shows both
 * as calls until it is finished). `undefined` without a backslash: every `[^label]` left as text is
 * a call.
 */
function unescapedLabels(source: string): Set<string> | undefined {
  if (!source.includes('\\')) return undefined;
  const labels = new Set<string>();
  const call = new RegExp(`(\\\\*)${footnoteCall.source}`, 'gu');
  for (const [, backslashes, label] of source.matchAll(call)) {
    if ((backslashes as string).length % 2 === 0) labels.add(label as string);
  }
  return labels;
}

function visit(node: Root | Element, labels: Set<string> | undefined): void {
  const children: RootContent[] = [];
  for (const child of node.children) {
    if (child.type === 'element' && !skipped.has(child.tagName)) visit(child, labels);
    if (child.type !== 'text') {
      children.push(child);
      continue;
    }
    // The text cut at each call: the text before it, then the superscript link GFM makes of it
    // (without the id and description only the whole text can give it).
    let rest = child.value;
    let kept = '';
    for (let found = footnoteCall.exec(rest); found; found = footnoteCall.exec(rest)) {
      const label = found[1] as string;
      if (labels && !labels.has(label)) {
        kept += rest.slice(0, found.index + found[0].length);
        rest = rest.slice(found.index + found[0].length);
        continue;
      }
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          href: `#user-content-fn-${label.toLowerCase()}`,
          dataFootnoteRef: '',
          rel: ['noopener', 'noreferrer'],
        },
        children: [{ type: 'text', value: label }],
      };
      const before = kept + rest.slice(0, found.index);
      if (before) children.push({ type: 'text', value: before });
      children.push({ type: 'element', tagName: 'sup', properties: {}, children: [link] });
      rest = rest.slice(found.index + found[0].length);
      kept = '';
    }
    rest = kept + rest;
    if (rest) children.push(rest === child.value ? child : { type: 'text', value: rest });
  }
  node.children = children as typeof node.children;
}

/**
 * Shows the `[^label]` calls left as text in `tree` (a block of a streaming text) as superscript
 * links, in place. `source` is the block's Markdown: a block without `[^` is not walked, and a
 * call it escapes (`\[^1]`) stays text.
 */
export function showFootnoteCalls(tree: Root, source: string): void {
  if (source.includes('[^')) visit(tree, unescapedLabels(source));
}

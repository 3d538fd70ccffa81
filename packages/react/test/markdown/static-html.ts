/**
 * The static reference render: remark-parse + remark-gfm + the CJK-friendly emphasis and
 * strikethrough rules + remark-rehype + the sanitizer, URL policy and block direction on the
 * whole text (as the pipeline), serialized by hast-util-to-html, and the DOM normalization that
 * lets it be compared with what `<Markdown>` put in the document. With math (the default, as `<Markdown math>`): the
 * delimiters normalized first, remark-math, and the formulas drawn (see `static-math.ts`).
 */

import { normalizeMath } from '@rivulet/core';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeDirection } from '../../src/markdown/direction';
import { sanitizeSchema } from '../../src/markdown/pipeline';
import { rehypeUrlPolicy } from '../../src/markdown/url-policy';
import { rehypeDrawFormulas } from './static-math';

const staticPipeline = (math: boolean) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCjkFriendly)
    .use(remarkCjkFriendlyGfmStrikethrough)
    .use(math ? [remarkMath] : [])
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeUrlPolicy, {})
    .use(math ? [rehypeDrawFormulas] : [])
    .use(rehypeDirection)
    .freeze();
const staticProcessor = staticPipeline(false);
const staticMathProcessor = staticPipeline(true);

/** The whole text rendered statically, as an HTML string (with math unless `math: false`). */
export function staticHtml(markdown: string, { math = true } = {}): string {
  if (!math) return toHtml(staticProcessor.runSync(staticProcessor.parse(markdown)));
  const tree = staticMathProcessor.runSync(staticMathProcessor.parse(normalizeMath(markdown)));
  return toHtml(tree, { allowDangerousHtml: true });
}

/**
 * Serializes a DOM subtree canonically: whitespace-only text between elements removed (React
 * cannot put text inside table rows, hast can), and the chrome `<Markdown>` adds around code
 * blocks (the wrapper and its toolbar) and in them (the chunks of lines), around tables (their scroll box) and the block groups of a
 * streamed render (plain block boxes) removed, keeping what they hold, and the mark on a streaming
 * document's last block dropped.
 */
export function canonicalHtml(root: Element, { inPlace = false } = {}): string {
  const copy = inPlace ? root : (root.cloneNode(true) as Element);
  for (const toolbar of copy.querySelectorAll('.rivulet-code-toolbar')) toolbar.remove();
  const chrome = '.rivulet-code-block, .rivulet-code-lines, .rivulet-blocks, .rivulet-table';
  for (const wrapper of copy.querySelectorAll(chrome)) {
    wrapper.replaceWith(...wrapper.childNodes);
  }
  // The mark on a streaming document's last block (its margin), which the static render has no need of.
  for (const tail of copy.querySelectorAll('[data-rivulet-tail]')) tail.removeAttribute('data-rivulet-tail');
  for (const element of copy.querySelectorAll('*')) sortAttributes(element);
  copy.normalize();
  const walker = copy.ownerDocument.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
  const blank: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (node.textContent?.trim() === '' && parent && parent.closest('pre') === null && isBetweenBlocks(node))
      blank.push(node);
  }
  for (const node of blank) node.parentNode?.removeChild(node);
  return copy.innerHTML;
}

/** Attribute order carries no meaning; React and hast-util-to-html order them differently. */
function sortAttributes(element: Element): void {
  const names = element.getAttributeNames();
  if (names.every((name, index) => index === 0 || (names[index - 1] as string) < name)) return;
  const attributes = [...element.attributes].map((attribute) => [attribute.name, attribute.value] as const);
  for (const [name] of attributes) element.removeAttribute(name);
  attributes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, value] of attributes) element.setAttribute(name, value);
}

const blockTags = new Set([
  'P',
  'UL',
  'OL',
  'LI',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TD',
  'TH',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'SECTION',
  'DIV',
]);

/** A blank text node next to a block element (or alone in a block container) is layout-free. */
function isBetweenBlocks(node: Node): boolean {
  const siblings = [node.previousSibling, node.nextSibling];
  return (
    siblings.some((sibling) => sibling !== null && blockTags.has(sibling.nodeName)) ||
    siblings.every((sibling) => sibling === null)
  );
}

/** The static render parsed into the same DOM implementation, then made canonical. */
export function canonicalStaticHtml(markdown: string, options: { math?: boolean } = {}): string {
  const template = document.createElement('div');
  template.innerHTML = staticHtml(markdown, options);
  return canonicalHtml(template, { inPlace: true });
}

/**
 * Fast path for the most common growing block of an LLM answer: an open fenced code block. Its
 * content is literal text, so its tree is built directly instead of repairing and parsing the
 * whole block on every flush (which costs time in proportion to the code so far). The result is
 * exactly the tree the full pipeline gives for the repaired block: `<pre><code class="language-x">`
 * holding the code, with a partial closing fence on the last line hidden, as repair hides it.
 *
 * Only the plain case takes this path: a top-level fence at column 0 whose opening line is
 * complete, with a simple language name, no carriage returns and no closing line yet. Anything
 * else (indented fences, fences in containers, escapes or entities in the info string) goes
 * through the full pipeline.
 *
 * It also keeps the signal that a fence is still open in the source: the growing block marks the
 * `<pre>` of a fence that only repair closed with `data.openFence` (`markOpenFence`), whichever
 * path built its tree, so a code block can tell "the author wrote the closing fence" (render a
 * diagram, say) from "the text stops inside the fence" (keep showing the code as it grows).
 */

import { repairMarkdown } from '@rivulet/core';
import { closesFence, closingFenceRun, fenceOpening } from '@rivulet/core/syntax';
import type { Element, Root } from 'hast';
import { mathTagName } from './math/tag-name';

declare module 'hast' {
  interface ElementData {
    /** On a `<pre>`: its fence is still open at the end of the source; only repair closed it. */
    openFence?: boolean | undefined;
    /** On a `<pre>` or a formula: the block holding it is not final yet (see `markOpenBlock`). */
    openBlock?: boolean | undefined;
  }
}

const simpleLanguage = /^[\w+#.-]*$/;

/**
 * The hast of `source` repaired and parsed, when `source` is an open fenced code block of the
 * plain kind; otherwise `undefined` (parse it normally). What opens and closes a fence is
 * `@rivulet/core/syntax`'s, as for the splitter and repair.
 */
export function openFenceHast(source: string): Root | undefined {
  const openingEnd = source.indexOf('\n');
  if (openingEnd === -1 || source.includes('\r')) return undefined;
  const fence = fenceOpening(source.slice(0, openingEnd));
  if (!fence || fence.indent > 0) return undefined;
  const { info } = fence;
  // Escapes and entities in the info string would be decoded by the parser.
  if (info.includes('\\') || info.includes('&')) return undefined;
  const words = info.trim();
  const lang = words.split(/[ \t]/, 1)[0] ?? '';
  if (!simpleLanguage.test(lang)) return undefined;
  const meta = words.slice(lang.length).trim();

  const bodyStart = openingEnd + 1;
  const lastNewline = source.lastIndexOf('\n');
  // A complete line that closes the fence: then the block is not open and parses normally.
  for (let lineStart = bodyStart; lineStart <= lastNewline; ) {
    const lineEnd = source.indexOf('\n', lineStart);
    if (closesFence(source.slice(lineStart, lineEnd), fence)) return undefined;
    lineStart = lineEnd + 1;
  }
  const complete = source.slice(bodyStart, lastNewline + 1);

  // Repair replaces a last line that is only the start of a closing fence by the closing fence.
  const lastLine = source.slice(lastNewline + 1);
  const body = closingFenceRun(lastLine)?.char === fence.char ? complete : source.slice(bodyStart);
  const value = body.endsWith('\n') ? body.slice(0, -1) : body;

  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: lang ? { className: [`language-${lang}`] } : {},
    children: [{ type: 'text', value: value ? `${value}\n` : '' }],
  };
  // The words after the language travel as data (not rendered), as the parser leaves them.
  if (meta) code.data = { meta } as Element['data'];
  // Code reads left to right, as `setDirection` has it in the pipeline.
  return {
    type: 'root',
    children: [{ type: 'element', tagName: 'pre', properties: { dir: 'ltr' }, children: [code] }],
  };
}

/**
 * Whether repair closed a fence that `source` leaves open: repair then ends the text with a closing
 * fence line (appended, or replacing a half-typed one) that the source does not end with. A source
 * whose last line already closes its fence is returned unchanged by repair, so it counts as closed.
 */
function repairClosedFence(source: string, repaired: string): boolean {
  if (repaired === source) return false;
  const lastLine = repaired.slice(repaired.lastIndexOf('\n') + 1);
  // A closing fence line, inside block quotes and list items too.
  if ((closingFenceRun(lastLine)?.length ?? 0) < 3) return false;
  return !(source === lastLine || source.endsWith(`\n${lastLine}`));
}

/**
 * Whether `source` (the growing last block, `repaired` its repair) ends inside a fenced code block
 * the author has not closed. After a final newline repair may leave a fence in a block quote as it
 * is (the next line might end the quote, and the fence with it), so then the text is judged without
 * that newline: its last line is the fence's last content line, or its closing line.
 */
export function endsInOpenFence(source: string, repaired: string): boolean {
  if (!source.includes('```') && !source.includes('~~~')) return false;
  if (!source.endsWith('\n')) return repairClosedFence(source, repaired);
  const withoutNewline = source.slice(0, -1);
  return repairClosedFence(withoutNewline, repairMarkdown(withoutNewline));
}

/** The last `<pre>` or display formula of the tree (a ```` ```math ```` fence becomes a formula). */
function lastFence(node: Root | Element): Element | undefined {
  for (let index = node.children.length - 1; index >= 0; index -= 1) {
    const child = node.children[index];
    if (child?.type !== 'element') continue;
    if (child.tagName === 'pre' || child.tagName === mathTagName) return child;
    const inner = lastFence(child);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Marks the `<pre>` of the fence left open at the end of the source: the last one in the tree, since
 * an open fence holds everything after its opening line. Call it with a tree parsed from the repaired
 * text when `endsInOpenFence` says so. An open ```` ```math ```` fence drawn as a formula has no
 * `<pre>`, and nothing before it is marked.
 */
export function markOpenFence(tree: Root): void {
  const pre = lastFence(tree);
  if (pre?.tagName === 'pre') pre.data = { ...pre.data, openFence: true };
}

/** Whether a tree from `openFenceHast` is a ```` ```math ```` fence (display math when math is read). */
export function isMathFence(tree: Root): boolean {
  const pre = tree.children[0];
  const code = pre?.type === 'element' ? pre.children[0] : undefined;
  const classes = code?.type === 'element' ? code.properties.className : undefined;
  return Array.isArray(classes) && classes[0] === 'language-math';
}

/**
 * Marks the code blocks and formulas of a block that is not final yet (its code may still grow),
 * for the components that draw them: their `node` says so, so a block needs no context provider
 * of its own (one fiber fewer per block, kept twice by React once the block re-rendered).
 */
export function markOpenBlock(tree: Root | Element): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'pre' || child.tagName === mathTagName) child.data = { ...child.data, openBlock: true };
    else markOpenBlock(child);
  }
}

/** Whether this `<pre>` or formula is in a block that is not final yet (see `markOpenBlock`). */
export function isInOpenBlock(node: Element | undefined): boolean {
  return node?.data?.openBlock === true;
}

/** Whether this `<pre>` is a fence still open in its source (see `markOpenFence`). */
export function isOpenFence(pre: Element | undefined): boolean {
  return pre?.data?.openFence === true;
}

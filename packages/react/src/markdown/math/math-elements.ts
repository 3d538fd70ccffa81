/**
 * From remark-math's hast (`<code class="language-math math-inline">` and
 * `<pre><code class="language-math math-display">`, kept by the sanitizer) to one element of our
 * own, `<rivulet-math data-math="inline" | "display">` holding the TeX source as text, which
 * `<MathFormula>` draws. Runs after the sanitizer: the source is text, never markup.
 */

import type { Element, ElementContent, Root } from 'hast';

// The tag name comes in as an option: importing it here would make a module shared by the entry
// and the lazy chunk, which the build would put in a chunk of its own.
export { mathTagName } from './tag-name';

function classesOf(node: Element): unknown[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value : [];
}

function mathElement(code: Element, kind: 'inline' | 'display', tagName: string): Element {
  return { type: 'element', tagName, properties: { dataMath: kind }, children: code.children };
}

function onlyCode(pre: Element): Element | undefined {
  const elements = pre.children.filter((child): child is Element => child.type === 'element');
  return elements.length === 1 && elements[0]?.tagName === 'code' ? elements[0] : undefined;
}

function convert(children: ElementContent[], tagName: string): void {
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as ElementContent;
    if (child.type !== 'element') continue;
    if (child.tagName === 'pre') {
      const code = onlyCode(child);
      if (code && classesOf(code).includes('math-display')) {
        children[index] = mathElement(code, 'display', tagName);
        continue;
      }
    } else if (child.tagName === 'code' && classesOf(child).includes('math-inline')) {
      children[index] = mathElement(child, 'inline', tagName);
      continue;
    }
    convert(child.children, tagName);
  }
}

/** The rehype plugin (math pipelines only); `tagName` is `mathTagName`. */
export function rehypeMathElements(options: { tagName: string }) {
  return (tree: Root): void => convert(tree.children as ElementContent[], options.tagName);
}

/**
 * From remark-math's hast (`<code class="language-math math-inline">` and
 * `<pre><code class="language-math math-display">`, kept by the sanitizer), and from a
 * ```` ```math ```` fenced code block (`<pre><code class="language-math">`, display math as GitHub
 * reads it), to one element of our own, `<rivulet-math data-math="inline" | "display">` holding
 * the TeX source as text, which `<MathFormula>` draws. Runs after the sanitizer: the source is
 * text, never markup.
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

/**
 * A ```` ```math ```` fence (GitHub's display math) as display math: the fence's content, without
 * the line break that ends every code block's text.
 */
function fenceMathElement(code: Element, tagName: string): Element {
  const children = [...code.children];
  const last = children.at(-1);
  if (last?.type === 'text' && last.value.endsWith('\n')) {
    children[children.length - 1] = { ...last, value: last.value.slice(0, -1) };
  }
  return { type: 'element', tagName, properties: { dataMath: 'display' }, children };
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
      const classes = code ? classesOf(code) : [];
      if (code && classes.includes('math-display')) {
        children[index] = mathElement(code, 'display', tagName);
        continue;
      }
      if (code && classes.includes('language-math')) {
        children[index] = fenceMathElement(code, tagName);
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

/** Reading a code block's hast: its `<code>` element and the language of its fence. */

import type { Element } from 'hast';

/** The `<code>` child of a hast `<pre>`. */
export function codeElementOf(node: Element | undefined): Element | undefined {
  return node?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
}

/** The fence's language, from the `language-*` class of its `<code>` ('' when it has none). */
export function languageOf(code: Element | undefined): string {
  const classes = code?.properties.className;
  const list = Array.isArray(classes) ? classes : String(classes ?? '').split(' ');
  for (const name of list) {
    const value = String(name);
    if (value.startsWith('language-')) return value.slice('language-'.length);
  }
  return '';
}

/**
 * From a sanitized hast tree to React elements: the part of `hast-util-to-jsx-runtime` (the
 * compiler behind react-markdown and rehype-react) that Rivulet's trees need, written out so the
 * entry does not ship its property tables (`property-information`, ~6 kB gzipped) for the few
 * properties a Markdown tree can hold.
 *
 * It makes the elements that compiler makes with `passNode: true`, `ignoreInvalidStyle: true` and
 * `tableCellAlignToStyle: false`: the same types, props, keys (`${tagName}-${n}` per tag name
 * among siblings) and `jsx`/`jsxs` calls, so React reconciles them the same way
 * (`hast-to-react.test.tsx` compares the two over the Markdown test documents). What it leaves
 * out cannot occur here: SVG, MDX nodes, and raw HTML (remark-rehype never makes any).
 */

import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { Components } from 'hast-util-to-jsx-runtime';
import type { ReactElement, ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';

/** Elements whose whitespace-only text children React would warn about (invalid DOM nesting). */
const tableElements = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);

/** HTML properties whose React name is not the hast name (the rest of the table is SVG). */
const reactNames: Record<string, string> = { classId: 'classID', dataType: 'datatype', itemId: 'itemID' };

/** HTML properties whose list values are joined with commas (all other lists with spaces). */
const commaSeparated = new Set(['accept', 'coords', 'exportParts']);

const dataProperty = /^data[-\w.:]+$/i;

/** The React prop name of a hast property. */
function propName(property: string): string {
  const reactName = reactNames[property];
  if (reactName) return reactName;
  if (property.length > 4 && property.startsWith('aria')) {
    return `aria-${property.slice(4).toLowerCase()}`;
  }
  if (property.length > 4 && property.slice(0, 4).toLowerCase() === 'data' && dataProperty.test(property)) {
    if (property.charAt(4) === '-') return property;
    const rest = property.slice(4);
    if (/-[a-z]/.test(rest)) return property;
    const dashes = rest.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    return `data${dashes.startsWith('-') ? '' : '-'}${dashes}`;
  }
  return property;
}

/** A `style` attribute as React's style object; an unreadable one gives `{}`. */
function styleObject(value: string): Record<string, string> {
  const style: Record<string, string> = {};
  for (const declaration of value.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    let name = declaration.slice(0, colon).trim();
    const styleValue = declaration.slice(colon + 1).trim();
    if (!name || !styleValue) continue;
    if (!name.startsWith('--')) {
      name = name.toLowerCase();
      if (name.startsWith('-ms-')) name = name.slice(1);
      name = name.replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase());
    }
    style[name] = styleValue;
  }
  return style;
}

function elementProps(properties: Properties): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [property, raw] of Object.entries(properties)) {
    if (property === 'children' || raw === null || raw === undefined) continue;
    if (typeof raw === 'number' && Number.isNaN(raw)) continue;
    let value: unknown = raw;
    if (Array.isArray(raw)) value = raw.join(commaSeparated.has(property) ? ', ' : ' ');
    if (property === 'style') props.style = typeof value === 'object' ? value : styleObject(String(value));
    else props[propName(property)] = value;
  }
  return props;
}

function isWhitespace(value: string): boolean {
  return /^[ \t\n\f\r]*$/.test(value);
}

function create(type: unknown, props: Record<string, unknown>, key: string | undefined): ReactElement {
  const create = Array.isArray(props.children) ? jsxs : jsx;
  return key ? create(type as never, props, key) : create(type as never, props);
}

function withChildren(props: Record<string, unknown>, children: ReactNode[]): void {
  if (children.length === 0) return;
  const value = children.length > 1 ? children : children[0];
  if (value) props.children = value;
}

/**
 * Keys by tag name and position (`p-0`, `p-1`, …), made once: every render of every block uses
 * them, and a render kept by React beside the next one then holds no key strings of its own.
 */
const keysByTag = new Map<string, string[]>();
const keptKeys = 1024;

function keyOf(tagName: string, count: number): string {
  if (count >= keptKeys) return `${tagName}-${count}`;
  let keys = keysByTag.get(tagName);
  if (!keys) {
    keys = [];
    keysByTag.set(tagName, keys);
  }
  let key = keys[count];
  if (key === undefined) {
    key = `${tagName}-${count}`;
    keys[count] = key;
  }
  return key;
}

function childrenOf(parent: Root | Element, components: Partial<Components>): ReactNode[] {
  const children: ReactNode[] = [];
  const counts = new Map<string, number>();
  for (const child of parent.children as (RootContent | ElementContent)[]) {
    if (child.type === 'text') children.push(child.value);
    else if (child.type === 'element') {
      const count = counts.get(child.tagName) ?? 0;
      counts.set(child.tagName, count + 1);
      children.push(element(child, components, keyOf(child.tagName, count)));
    }
  }
  return children;
}

function element(node: Element, components: Partial<Components>, key: string | undefined): ReactElement {
  const type = Object.hasOwn(components, node.tagName)
    ? (components as Record<string, unknown>)[node.tagName]
    : node.tagName;
  const props = elementProps(node.properties);
  let children = childrenOf(node, components);
  if (tableElements.has(node.tagName)) {
    children = children.filter((child) => typeof child !== 'string' || !isWhitespace(child));
  }
  if (typeof type !== 'string') props.node = node;
  withChildren(props, children);
  return create(type, props, key);
}

/** Renders a hast tree with the given component overrides (a tag name mapped to a component or a tag). */
export function hastToReactElements(tree: Root, components: Partial<Components>): ReactElement {
  const props: Record<string, unknown> = {};
  withChildren(props, childrenOf(tree, components));
  return create(Fragment, props, undefined);
}

/** Renders one hast element under `key`, as it would render among siblings (with that key). */
export function hastElementToReact(node: Element, components: Partial<Components>, key: string): ReactElement {
  return element(node, components, key);
}

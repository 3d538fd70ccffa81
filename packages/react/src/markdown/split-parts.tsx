/**
 * What the renderers of split blocks share (`split-block.tsx`, `split-item.tsx`): a child's tail
 * flags, how its source is parsed and finished as the whole block's tail would be, and the
 * container element built around children rendered on their own.
 */

import { repairMarkdown } from '@rivulet/core';
import { quickParse } from '@rivulet/core/syntax';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Components } from 'hast-util-to-jsx-runtime';
import type { Root as MdastRoot } from 'mdast';
import { type ComponentType, createElement, type ReactElement, type ReactNode } from 'react';
import type { RenderOptions } from './blocks';
import { showFootnoteCalls } from './footnote-calls';
import { endsInOpenFence, markOpenBlock, markOpenFence } from './open-fence';
import { hastToReact, insertCursor } from './render-hast';

/** What a child's tail flags are; a child is rendered again only when these or its source change. */
export interface ChildFlags {
  repair: boolean;
  cursor: boolean;
  open: boolean;
}

export const finishedFlags: ChildFlags = { repair: false, cursor: false, open: false };

export function sameFlags(a: ChildFlags, b: ChildFlags): boolean {
  return a.repair === b.repair && a.cursor === b.cursor && a.open === b.open;
}

/** The mdast of `markdown`, as the pipeline parses it (quickly when the subset allows). */
export function parseMdast(markdown: string, options: RenderOptions): MdastRoot {
  return quickParse(markdown) ?? options.processor.parse(markdown);
}

export function toHast(tree: MdastRoot, options: RenderOptions): HastRoot {
  return options.processor.run(tree);
}

/** The source as parsed: repaired when it is the growing tail. */
export function sourceFor(source: string, flags: ChildFlags): string {
  if (!flags.repair) return source;
  const repaired = repairMarkdown(source);
  // Unchanged: `source` itself, so the parse's text shares the string the child keeps (see blocks.tsx).
  return repaired === source ? source : repaired;
}

/**
 * Marks an open fence and an open child's code, inserts the cursor and shows footnote calls, as the
 * whole block would.
 */
export function finishTail(tree: HastRoot, source: string, parsed: string, flags: ChildFlags): void {
  if (flags.repair && endsInOpenFence(source, parsed)) markOpenFence(tree);
  if (flags.cursor) insertCursor(tree, parsed);
  if (flags.open) markOpenBlock(tree);
  showFootnoteCalls(tree, source);
}

export function elements(nodes: readonly (ElementContent | RootContent)[]): Element[] {
  return nodes.filter((node): node is Element => node.type === 'element');
}

/** Whitespace-separated nodes, as hast wraps block children: `\n` before each and at the end. */
export function wrapped(nodes: readonly ElementContent[]): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) result.push({ type: 'text', value: '\n' }, node);
  return result;
}

/** React elements for `nodes`, through the component overrides. */
export function render(nodes: (ElementContent | RootContent)[], options: RenderOptions): ReactNode {
  return hastToReact({ type: 'root', children: nodes as RootContent[] }, options.components);
}

/** The container element with `children` inside, through the component overrides. */
export function shell(node: Element, children: ReactNode, components: Partial<Components>, key?: string): ReactElement {
  const override = (components as Record<string, unknown>)[node.tagName] as string | ComponentType | undefined;
  const props: Record<string, unknown> = key === undefined ? {} : { key };
  for (const [key, value] of Object.entries(node.properties)) {
    props[key] = Array.isArray(value) ? value.join(' ') : value;
  }
  if (override && typeof override !== 'string') props.node = node;
  return createElement((override ?? node.tagName) as string, props, children);
}

/** Whether `source` ends with a blank line (looked at from its end: blocks can be long). */
export function endsBlank(source: string): boolean {
  let index = source.length - 1;
  if (source[index] !== '\n') return false;
  index -= 1;
  while (source[index] === ' ' || source[index] === '\t') index -= 1;
  return source[index] === '\n';
}

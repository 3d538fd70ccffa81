/**
 * The items an inline scan leaves (text, finished nodes, delimiter runs, link openers) and their
 * resolution: emphasis and strong as CommonMark's "process emphasis" (with micromark's reading of
 * the rule of three), GFM strikethrough, and the joining of adjacent text into mdast nodes.
 */

import type { PhrasingContent, Text } from 'mdast';
import { unsupported } from './unsupported';

export interface TextItem {
  kind: 'text';
  value: string;
}
export interface NodeItem {
  kind: 'node';
  node: PhrasingContent;
}
/** A run of `*`, `_` or `~`; `count` characters are still unused. */
export interface DelimiterItem {
  kind: 'delimiter';
  char: '*' | '_' | '~';
  count: number;
  /** The run's whole length (strikethrough pairs runs of the same length). */
  length: number;
  open: boolean;
  close: boolean;
}
export interface BracketItem {
  kind: 'bracket';
  image: boolean;
  active: boolean;
}
export type Item = TextItem | NodeItem | DelimiterItem | BracketItem;
/** Text the GFM autolink-literal extension would turn into links. */
const literalLink = /@|www\.|:\/\//i;

/** Turns resolved items into phrasing nodes, joining adjacent text as the parser does. */
export function toPhrasing(items: readonly Item[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let text: Text | undefined;
  const addText = (value: string) => {
    if (value === '') return;
    if (text) text.value += value;
    else {
      text = { type: 'text', value };
      nodes.push(text);
    }
  };
  for (const item of items) {
    if (item.kind === 'text') addText(item.value);
    else if (item.kind === 'delimiter') addText(item.char.repeat(item.count));
    else if (item.kind === 'bracket') addText(item.image ? '![' : '[');
    else {
      text = undefined;
      nodes.push(item.node);
    }
  }
  for (const node of nodes) if (node.type === 'text' && literalLink.test(node.value)) unsupported();
  return nodes;
}

/** CommonMark's "process emphasis" over `items`, in place: matched runs become emphasis and strong. */
function resolveEmphasis(items: Item[]): void {
  let closerIndex = 0;
  while (closerIndex < items.length) {
    const closer = items[closerIndex] as Item;
    if (closer.kind !== 'delimiter' || closer.char === '~' || !closer.close || closer.count === 0) {
      closerIndex += 1;
      continue;
    }
    let openerIndex = closerIndex - 1;
    for (; openerIndex >= 0; openerIndex -= 1) {
      const opener = items[openerIndex] as Item;
      if (opener.kind !== 'delimiter' || opener.char !== closer.char || !opener.open || opener.count === 0) continue;
      // The "rule of three", as micromark applies it: on the sizes left, and only when the
      // closer's is not itself a multiple of three.
      const multipleOfThree =
        (opener.close || closer.open) && closer.count % 3 !== 0 && (opener.count + closer.count) % 3 === 0;
      if (!multipleOfThree) break;
    }
    if (openerIndex < 0) {
      closerIndex += 1;
      continue;
    }
    const opener = items[openerIndex] as DelimiterItem;
    const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    opener.count -= use;
    closer.count -= use;
    // As micromark does, the runs between the two are resolved on their own, with what is left of
    // each (a run used since it was passed over may pair now: `_***a*a****a*_`); what stays
    // unpaired is literal, and nothing inside pairs with a run outside.
    const inner = items.slice(openerIndex + 1, closerIndex);
    resolveAttention(inner);
    const node: PhrasingContent = { type: use === 2 ? 'strong' : 'emphasis', children: toPhrasing(inner) };
    items.splice(openerIndex + 1, closerIndex - openerIndex - 1, { kind: 'node', node });
    closerIndex = openerIndex + 2;
  }
}

/** The indexes of a `~` opener and closer of the same size that make a strikethrough, if any. */
function strikethroughPair(items: readonly Item[], from: number): [number, number] | undefined {
  for (let closerIndex = from; closerIndex < items.length; closerIndex += 1) {
    const closer = items[closerIndex] as Item;
    if (closer.kind !== 'delimiter' || closer.char !== '~' || !closer.close) continue;
    for (let openerIndex = closerIndex - 1; openerIndex >= 0; openerIndex -= 1) {
      const opener = items[openerIndex] as Item;
      if (opener.kind === 'delimiter' && opener.char === '~' && opener.open && opener.length === closer.length)
        return [openerIndex, closerIndex];
    }
  }
  return undefined;
}

const isEmphasisRun = (item: Item) => item.kind === 'delimiter' && item.char !== '~';

/**
 * Resolves emphasis and strikethrough among `items`, in place. GFM resolves the two in separate
 * passes, in the order their first runs appear in the text. Strikethrough first: each pair's
 * content is resolved on its own, then emphasis around the pairs. Emphasis first: emphasis pairs
 * ignore `~` runs, then `~` runs pair across them. The two agree when no `*` or `_` run lies inside
 * a strikethrough pair (`**a** ~~b~~`, `*a ~~b~~ c*`): no emphasis pair can then cross one, and
 * pairing sees the same runs either way. That is resolved here; otherwise the text leaves the subset.
 */
export function resolveAttention(items: Item[]): void {
  let pair = strikethroughPair(items, 0);
  if (!pair) {
    resolveEmphasis(items);
    return;
  }
  const hasEmphasisRuns = items.some(isEmphasisRun);
  while (pair) {
    const [openerIndex, closerIndex] = pair;
    const inner = items.slice(openerIndex + 1, closerIndex);
    if (hasEmphasisRuns && inner.some(isEmphasisRun)) unsupported();
    resolveAttention(inner);
    const node: PhrasingContent = { type: 'delete', children: toPhrasing(inner) };
    items.splice(openerIndex, closerIndex - openerIndex + 1, { kind: 'node', node });
    pair = strikethroughPair(items, openerIndex + 1);
  }
  if (hasEmphasisRuns) resolveEmphasis(items);
}

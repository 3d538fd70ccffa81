/**
 * Link reference definitions across blocks. Blocks are parsed one by one while streaming, so a
 * reference link (`[text][id]`, `[id]`) in one block and its definition (`[id]: /url`) in
 * another would not meet. The definitions found in final blocks are collected here and parsed
 * along with every block that may use them; definitions render nothing, so adding them changes
 * nothing else. Footnote definitions (`[^id]:`) are left out: they do render.
 */

import { fenceOpening, indentation, linkDefinitionLines } from '@rivulet/core/syntax';

/** `[x][y]`, `[x][]` or a shortcut `[x]` not followed by `(` or `:`: a block that may use a definition. */
const referenceUse = /\](?:\[|(?![(:]))/;
/**
 * Whether a line of `block` opens a code fence or is indented like code. Code must not get
 * definitions appended (they would become code text); may say yes too often.
 */
function mayHoldCode(block: string): boolean {
  for (const line of block.split('\n')) {
    if (fenceOpening(line) !== undefined || indentation(line).columns >= 4) return true;
  }
  return false;
}

/** The definition lines of a final block (empty when it has none, or when it holds code). */
export function definitionLines(block: string): string[] {
  if (!block.includes(']:') || mayHoldCode(block)) return [];
  return linkDefinitionLines(block);
}

/** Whether definitions should be parsed along with `block` (cheap; may say yes too often). */
export function mayUseReference(block: string): boolean {
  return block.includes('[') && referenceUse.test(block) && !mayHoldCode(block);
}

function definitionsOf(block: string): string {
  let text = '';
  for (const line of definitionLines(block)) text += `\n\n${line.trim()}`;
  return text;
}

/** Collects the definition blocks of final blocks, scanning each final block once. */
export interface DefinitionCollector {
  /**
   * Scans the final blocks not seen yet; returns the definitions text (stable while unchanged).
   * With `withTail`, the blocks past `finalCount` count too, for this call only (the text is
   * complete for now, but those blocks are not known to be final).
   */
  update(blocks: readonly string[], finalCount: number, withTail?: boolean): string;
  reset(): void;
}

export function createDefinitionCollector(): DefinitionCollector {
  let scanned = 0;
  let definitions = '';
  return {
    update(blocks, finalCount, withTail = false) {
      for (; scanned < finalCount; scanned += 1) definitions += definitionsOf(blocks[scanned] ?? '');
      if (!withTail) return definitions;
      let all = definitions;
      for (let index = finalCount; index < blocks.length; index += 1) all += definitionsOf(blocks[index] ?? '');
      return all;
    },
    reset() {
      scanned = 0;
      definitions = '';
    },
  };
}

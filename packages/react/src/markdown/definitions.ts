/**
 * Link reference definitions across blocks. Blocks are parsed one by one while streaming, so a
 * reference link (`[text][id]`, `[id]`) in one block and its definition (`[id]: /url`) in
 * another would not meet. The definitions found in final blocks are collected here and parsed
 * along with every block that may use them; definitions render nothing, so adding them changes
 * nothing else. Footnote definitions (`[^id]:`) are left out: they do render.
 */

/** One whole-line definition, `[id]: destination "optional title"` (not a footnote). */
const definitionLine = /^ {0,3}\[(?!\^)(?:[^\]\\\n]|\\.){1,999}\]:[ \t]*\S.*$/gm;
/** `[x][y]`, `[x][]` or a shortcut `[x]` not followed by `(` or `:`: a block that may use a definition. */
const referenceUse = /\](?:\[|(?![(:]))/;
/** Code (fenced or indented) must not get definitions appended: they would become code text. */
const codeStart = /^(?: {0,3}(?:`{3,}|~{3,})| {4}|\t)/m;

/** The definition lines of a final block (empty when it has none, or when it holds code). */
export function definitionLines(block: string): string[] {
  if (!block.includes(']:') || codeStart.test(block)) return [];
  return block.match(definitionLine) ?? [];
}

/** Whether definitions should be parsed along with `block` (cheap; may say yes too often). */
export function mayUseReference(block: string): boolean {
  return block.includes('[') && referenceUse.test(block) && !codeStart.test(block);
}

/** Collects the definition blocks of final blocks, scanning each final block once. */
export interface DefinitionCollector {
  /** Scans the final blocks not seen yet; returns the definitions text (stable while unchanged). */
  update(blocks: readonly string[], finalCount: number): string;
  reset(): void;
}

export function createDefinitionCollector(): DefinitionCollector {
  let scanned = 0;
  let definitions = '';
  return {
    update(blocks, finalCount) {
      for (; scanned < finalCount; scanned += 1) {
        for (const line of definitionLines(blocks[scanned] ?? '')) definitions += `\n\n${line.trim()}`;
      }
      return definitions;
    },
    reset() {
      scanned = 0;
      definitions = '';
    },
  };
}

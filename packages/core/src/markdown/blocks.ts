/** Placeholder until the block splitter lands. */
export function splitBlocks(text: string): string[] {
  return text === '' ? [] : [text];
}

/** Result of one `BlockSplitter.update`: every block so far; all but the last are final. */
export interface BlockSplit {
  /** All blocks, `blocks.join('') === text`. Entries before `finalCount` never change again. */
  readonly blocks: readonly string[];
  /** How many leading blocks are final (normally `blocks.length - 1`). */
  readonly finalCount: number;
}

/** Incremental splitter: resumes from the last final block, so work per update follows the new text. */
export interface BlockSplitter {
  update(text: string): BlockSplit;
  reset(): void;
}

export function createBlockSplitter(): BlockSplitter {
  return {
    update(text) {
      const blocks = splitBlocks(text);
      return { blocks, finalCount: Math.max(0, blocks.length - 1) };
    },
    reset() {},
  };
}

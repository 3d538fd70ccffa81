/** Placeholder until the block splitter lands. */
export function splitBlocks(text: string): string[] {
  return text === '' ? [] : [text];
}

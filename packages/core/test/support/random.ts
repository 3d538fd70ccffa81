/** A small seeded PRNG (mulberry32), so random chunkings are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts `text` into consecutive chunks of 1 to `maxLength` characters at random places. */
export function randomChunks(text: string, random: () => number, maxLength: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    const length = 1 + Math.floor(random() * maxLength);
    chunks.push(text.slice(start, start + length));
    start += length;
  }
  return chunks;
}

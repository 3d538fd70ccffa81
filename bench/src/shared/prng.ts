/**
 * Seeded randomness for the bench: the same seed always gives the same deltas, so every renderer and
 * every round streams exactly the same chunks.
 */

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts `text` into deltas of `min`..`max` characters (inclusive), as an LLM token stream would arrive. */
export function makeDeltas(text: string, seed: number, min = 1, max = 6): string[] {
  const random = createRandom(seed);
  const deltas: string[] = [];
  let index = 0;
  while (index < text.length) {
    let size = min + Math.floor(random() * (max - min + 1));
    // Never split a surrogate pair: a real stream decoder delivers whole characters.
    const last = text.charCodeAt(index + size - 1);
    if (last >= 0xd800 && last <= 0xdbff) size += 1;
    deltas.push(text.slice(index, index + size));
    index += size;
  }
  return deltas;
}

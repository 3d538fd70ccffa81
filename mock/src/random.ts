/**
 * A small seeded PRNG (mulberry32) so every mock stream is reproducible: the same seed gives the
 * same token boundaries and the same timing, in Node and in the browser.
 */
export type Random = () => number;

/** Returns a function yielding floats in [0, 1), determined entirely by `seed`. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both included. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

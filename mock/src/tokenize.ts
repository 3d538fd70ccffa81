/**
 * Cuts text into deltas the way LLM tokenizers do: a word with its leading space (" stream"),
 * punctuation runs ("**", "`"), whitespace runs, and long words split into 2-6 character pieces.
 * Every delta is 1-6 characters (code points) and the deltas join back to the input exactly.
 */
import { createRandom, type Random, randomInt } from './random.js';

const PIECE = / ?[\p{L}\p{N}_]+| ?[^\s\p{L}\p{N}_]+|\s+/gu;

/** The longest delta, in code points. */
export const MAX_DELTA_LENGTH = 6;

/**
 * Splits `text` into realistic token-sized deltas.
 * @param seed makes the cut points reproducible; different seeds cut differently.
 */
export function tokenize(text: string, seed = 1): string[] {
  const random = createRandom(seed);
  const deltas: string[] = [];
  for (const match of text.matchAll(PIECE)) splitPiece(Array.from(match[0]), random, deltas);
  return deltas;
}

function splitPiece(chars: string[], random: Random, out: string[]): void {
  let index = 0;
  while (chars.length - index > MAX_DELTA_LENGTH) {
    // Never leave a remainder of one character after a cut: "strea" + "m" reads unlike a tokenizer.
    const size = Math.min(randomInt(random, 2, MAX_DELTA_LENGTH), chars.length - index - 2);
    out.push(chars.slice(index, index + size).join(''));
    index += size;
  }
  out.push(chars.slice(index).join(''));
}

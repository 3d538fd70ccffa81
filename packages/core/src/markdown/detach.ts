/**
 * Keeping a piece of a growing text without keeping the text.
 *
 * V8 represents `text.slice(a, b)` as a view into `text`, so a final block cut from a streamed
 * answer keeps alive the whole answer as it was at that moment, and a splitter that keeps its final
 * blocks kept a copy of the answer per block (142 MB for a 200 KB answer streamed in 85-character
 * flushes). A copy made through a new string holds only its own characters.
 */

/** Strings shorter than this are copied by `slice` anyway. */
const minViewLength = 13;

/** `text.slice(start, end)`, as a string of its own rather than a view into `text`. */
export function detachedSlice(text: string, start: number, end?: number): string {
  const slice = text.slice(start, end);
  // Flattening the concatenation copies the characters; the result is a view into that copy only.
  return slice.length < minViewLength ? slice : ` ${slice}`.slice(1);
}

/**
 * `detachedSlice(text, start, end)`, or `previous` when it holds exactly those characters: a block
 * that ends as it was last returned open stays the same string, so what a renderer kept of it
 * (the props of its last render while open) and its final source share one copy.
 */
export function sliceOrOpen(text: string, start: number, end: number, previous: string): string {
  if (previous.length === end - start && previous !== '' && text.startsWith(previous, start)) return previous;
  return detachedSlice(text, start, end);
}

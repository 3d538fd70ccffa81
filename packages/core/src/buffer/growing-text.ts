/**
 * `GrowingText`: a text that only grows, held as the chain of pieces appended to it.
 *
 * A string grown by `+=` is a new string each time, and the first read of each one copies all of
 * it, so a renderer handed a 200 KB answer's successive texts copies the answer on every flush,
 * whatever it does next (about 1.4 s over such an answer, before any parsing). A `GrowingText` is
 * extended in the size of the piece, and a reader that kept an earlier value asks for what came
 * after it (`after`) instead of reading everything again.
 *
 * Values are immutable: `append` returns a new one and the old one keeps meaning what it meant, so
 * React can compare them by identity and a render thrown away changes nothing. Each value holds its
 * pieces once: the chain is shared by every value grown from it.
 */
export class GrowingText {
  /** Length of the whole text. */
  readonly length: number;
  /** The text before `piece` (`undefined` for the first value of a chain). */
  private readonly before: GrowingText | undefined;
  /** The last piece appended. */
  private readonly piece: string;

  private constructor(before: GrowingText | undefined, piece: string) {
    this.before = before;
    this.piece = piece;
    this.length = (before?.length ?? 0) + piece.length;
  }

  /**
   * A new chain holding `initial`. Two chains never extend each other, even from equal texts: a
   * reader that kept a value from the other one starts over.
   */
  static from(initial = ''): GrowingText {
    return new GrowingText(undefined, initial);
  }

  /** This text with `piece` appended (this same value when `piece` is empty). */
  append(piece: string): GrowingText {
    return piece === '' ? this : new GrowingText(this, piece);
  }

  /**
   * What was appended to `earlier` to make this text, or `undefined` when this text did not grow
   * from `earlier` (another chain, or a later value of this one). Costs time in the pieces appended
   * since `earlier`, not in the length of the text.
   */
  after(earlier: GrowingText): string | undefined {
    const pieces: string[] = [];
    let node: GrowingText | undefined = this;
    while (node !== undefined && node.length > earlier.length) {
      pieces.push(node.piece);
      node = node.before;
    }
    // Equal lengths are not enough: an empty piece is never appended, so `earlier` is the node.
    if (node !== earlier) return undefined;
    return pieces.length === 1 ? (pieces[0] as string) : pieces.reverse().join('');
  }

  /** The whole text, built from its pieces (time and memory in its length: call it once, at the end). */
  toString(): string {
    const pieces: string[] = [];
    for (let node: GrowingText | undefined = this; node !== undefined; node = node.before) pieces.push(node.piece);
    return pieces.length === 1 ? (pieces[0] as string) : pieces.reverse().join('');
  }
}

/** Whether `value` is a `GrowingText` (from this copy of the package or another) rather than a string. */
export function isGrowingText(value: unknown): value is GrowingText {
  return typeof value === 'object' && value !== null && typeof (value as Partial<GrowingText>).after === 'function';
}

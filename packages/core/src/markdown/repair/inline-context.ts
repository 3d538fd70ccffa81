/**
 * State shared by the inline repair handlers: the text being repaired, the stack of markers opened
 * and not yet closed (in opening order), and the ranges repair will delete.
 */

export type OpenMarker =
  | EmphasisMarker
  | { kind: 'code' | 'math'; char: '`' | '$'; start: number; length: number }
  /** `\\(` or `\\[` math, closed by `\\)` or `\\]`. */
  | { kind: 'math'; char: '\\'; start: number; length: 2; closer: '\\)' | '\\]' }
  | { kind: 'bracket'; isImage: boolean; start: number; length: number };

/** A delimiter run of `*`, `_` or `~~` that can open or close emphasis. */
export interface EmphasisMarker {
  kind: 'emphasis';
  char: '*' | '_' | '~';
  /** Offset of the delimiters not yet used (a closer uses its first ones, an opener its last ones). */
  start: number;
  /** Offset just after the whole run: where an opener's content begins. */
  end: number;
  length: number;
  /** Delimiters of the run not yet used by a pair. */
  remaining: number;
  canOpen: boolean;
  canClose: boolean;
  /** Opens without also being able to close: the only kind of opener repair closes (`2*3` stays literal). */
  isClosable: boolean;
}

export interface InlineContext {
  readonly text: string;
  readonly stack: OpenMarker[];
  /** Half-open `[from, to)` ranges of `text` to drop, for markers that must be hidden. */
  readonly deletions: Array<[number, number]>;
  /** Close `$`/`$$`, `\\(…\\)` and `\\[…\\]` math too. */
  readonly math: boolean;
  /** Set by a handler when the rest of the text belongs to the construct it opened. */
  isDone: boolean;
  /**
   * Offsets of `<`, `&` and a link's `(` that start no construct here, but might once repair hides
   * text after them (see `joins.ts`).
   */
  readonly plainOpeners: number[];
  /** Openers an earlier round of repair found plain: they stay plain (escaped if need be). */
  readonly wasPlain: ReadonlySet<number>;
  /**
   * A delimiter run ending the text after a space or punctuation (`Hello **`), with its marker when
   * it can open or close: hidden at the end unless a pair used part of it.
   */
  trailingRun?: { start: number; end: number; marker: EmphasisMarker | undefined };
}

export function createInlineContext(text: string, math: boolean, wasPlain: ReadonlySet<number>): InlineContext {
  return { text, stack: [], deletions: [], math, isDone: false, plainOpeners: [], wasPlain };
}

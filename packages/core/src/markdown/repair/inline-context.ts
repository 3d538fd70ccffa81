/**
 * State shared by the inline repair handlers: the text being repaired, the stack of markers opened
 * and not yet closed (in opening order), and the ranges repair will delete.
 */

export type OpenMarker =
  | {
      kind: 'emphasis';
      char: '*' | '_' | '~';
      start: number;
      length: number;
      /** Delimiters of the run not yet used by a closer. */
      remaining: number;
      canClose: boolean;
      /** False for runs that could also close (`2*3`): repair leaves those literal. */
      isClosable: boolean;
    }
  | { kind: 'code' | 'math'; char: '`' | '$'; start: number; length: number }
  | { kind: 'bracket'; isImage: boolean; start: number; length: number };

export interface InlineContext {
  readonly text: string;
  readonly stack: OpenMarker[];
  /** Half-open `[from, to)` ranges of `text` to drop, for markers that must be hidden. */
  readonly deletions: Array<[number, number]>;
  /** Close `$`/`$$` math too. */
  readonly math: boolean;
  /** Set by a handler when the rest of the text belongs to the construct it opened. */
  isDone: boolean;
}

export function createInlineContext(text: string, math: boolean): InlineContext {
  return { text, stack: [], deletions: [], math, isDone: false };
}

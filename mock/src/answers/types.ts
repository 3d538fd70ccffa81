/** One canned assistant answer, in the order its parts stream. */
export interface MockAnswer {
  /** Stable name used by `?answer=` and the scenario presets. */
  id: string;
  /** One line shown in pickers. */
  title: string;
  parts: MockAnswerPart[];
}

export type MockAnswerPart =
  | { type: 'reasoning'; text: string }
  | {
      type: 'text';
      text: string;
      /**
       * The pieces the text streams in, joining to `text`, when it should not be cut into
       * token-sized deltas (the generated size-fault answers stream in big pieces).
       */
      deltas?: readonly string[];
    }
  | { type: 'tool-call'; id: string; name: string; args: Record<string, unknown> };

/** Code fence marker, kept out of template literals so the answers stay readable. */
export const FENCE = '```';

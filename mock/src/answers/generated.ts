/**
 * Answers generated on demand for size faults, never checked in: `huge` (about 5 MB of Markdown
 * paragraphs) and `long-line` (one line of about 1 MB, no newline anywhere). Both are
 * deterministic, so a test can rebuild the exact text it expects. Their text streams in big
 * pieces instead of token-sized ones: 5 MB cut into 1-6 character tokens would be over a million
 * events and hundreds of megabytes on the wire.
 */
import type { MockAnswer } from './types.js';

/** Ids of the generated answers. */
export const GENERATED_ANSWERS = ['huge', 'long-line'] as const;

export type GeneratedAnswerId = (typeof GENERATED_ANSWERS)[number];

/** Default sizes in characters (UTF-16 code units): 5 MiB and 1 MiB. */
export const GENERATED_SIZES: Readonly<Record<GeneratedAnswerId, number>> = {
  huge: 5 * 1024 * 1024,
  'long-line': 1024 * 1024,
};

/** Characters per streamed piece of `huge`: a few thousand events for 5 MB. */
const HUGE_PIECE = 1024;
/** Characters per paragraph of `huge`. */
const HUGE_PARAGRAPH = 10 * 1024;

/**
 * Generates a size-fault answer, or `undefined` for an id that is not one.
 *
 * @param size at least this many characters of text (the answer ends on a whole sentence).
 * @example
 * const text = answerText(generateAnswer('huge', 200_000)!);
 */
export function generateAnswer(id: string, size?: number): MockAnswer | undefined {
  if (!isGenerated(id)) return undefined;
  const target = Math.max(1, Math.floor(size ?? GENERATED_SIZES[id]));
  const pieces = id === 'huge' ? hugePieces(target) : [longLine(target)];
  return {
    id,
    title: id === 'huge' ? `${target} characters of paragraphs` : `One line of ${target} characters`,
    parts: [{ type: 'text', text: pieces.join(''), deltas: pieces }],
  };
}

function isGenerated(id: string): id is GeneratedAnswerId {
  return (GENERATED_ANSWERS as readonly string[]).includes(id);
}

/**
 * Numbered paragraphs of numbered sentences, each piece a run of whole sentences, ending with a
 * closing line that states the paragraph count: a truncated render is visible from the last line.
 */
function hugePieces(target: number): string[] {
  const pieces: string[] = [];
  let length = 0;
  const push = (piece: string) => {
    pieces.push(piece);
    length += piece.length;
  };
  let paragraph = 0;
  while (length < target) {
    let piece = `Paragraph ${paragraph}: `;
    const paragraphEnd = Math.min(length + HUGE_PARAGRAPH, target);
    for (let sentence = 0; length + piece.length < paragraphEnd; sentence += 1) {
      piece +=
        sentence % 8 === 0
          ? `Sentence ${sentence} is **bold at its start** and then plain words follow it. `
          : `Sentence ${sentence} of paragraph ${paragraph} keeps the stream busy with plain words. `;
      if (piece.length >= HUGE_PIECE) {
        push(piece);
        piece = '';
      }
    }
    push(`${piece}End of paragraph ${paragraph}.\n\n`);
    paragraph += 1;
  }
  push(`The end: ${paragraph} paragraphs.`);
  return pieces;
}

/**
 * Words with multi-byte characters (2 and 3 bytes in UTF-8), so network cuts fall inside them.
 * Only characters that common system fonts cover: a line of 1 MB that needs font fallback for
 * every word (CJK, emoji) takes Chromium about a minute per layout on a machine without those
 * fonts, which measures the machine's fonts rather than the chat.
 */
const LINE_WORDS = 'streaming é — “quoted” € ';

function longLine(target: number): string {
  const ending = 'end of the line.';
  const repeats = Math.max(0, Math.ceil((target - ending.length) / LINE_WORDS.length));
  return LINE_WORDS.repeat(repeats) + ending;
}

/**
 * SSE event ids, the server side of resume: every message of a response is numbered (`id: 1`,
 * `id: 2`, …) in the order the encoder produces it, so the same answer always numbers the same way
 * and a request with `Last-Event-ID: N` can be answered with exactly the messages after N. Also
 * the cut of a message part way through its bytes, inside its first multi-byte character.
 */

export interface EventNumbering {
  /** Numbers the messages of `frames`; returns the text of those after `resumeAfter`, and whether any were left out. */
  take(frames: string): { text: string; skipped: boolean };
}

/**
 * @param enabled number the messages (SSE formats); when false, frames pass through unnumbered.
 * @param resumeAfter the client's `Last-Event-ID`: messages up to it were received and are left out.
 */
export function createEventNumbering(enabled: boolean, resumeAfter: number | undefined): EventNumbering {
  let next = 1;
  return {
    take(frames) {
      if (!enabled || frames === '') return { text: frames, skipped: false };
      let text = '';
      let skipped = false;
      for (const message of frames.split(/(?<=\n\n)/)) {
        const id = next++;
        if (resumeAfter !== undefined && id <= resumeAfter) skipped = true;
        else text += `id: ${id}\n${message}`;
      }
      return { text, skipped };
    },
  };
}

/** A `Last-Event-ID` as the mock numbers them, or `undefined` for none (or one it never sent). */
export function parseEventId(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/**
 * The bytes of `frames` up to and including the first byte of its first multi-byte character
 * (halfway when it has none): a connection that dies there leaves the client a cut event ending
 * in a cut character.
 */
export function cutInsideCharacter(frames: string): Uint8Array {
  const bytes = new TextEncoder().encode(frames);
  const multiByte = bytes.findIndex((byte) => byte >= 0xc0);
  return bytes.slice(0, multiByte >= 0 ? multiByte + 1 : Math.floor(bytes.length / 2));
}

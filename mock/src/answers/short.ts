import type { MockAnswer } from './types.js';

/** A one-liner, for quick round trips. */
export const short: MockAnswer = {
  id: 'short',
  title: 'A one-line answer',
  parts: [
    {
      type: 'text',
      text: 'Use `array.at(-1)` — it returns the **last element**, or `undefined` when the array is empty.',
    },
  ],
};

import type { MockAnswer } from './types.js';

/** Thinking first (streamed as reasoning, never as answer text), then a short answer. */
export const reasoning: MockAnswer = {
  id: 'reasoning',
  title: 'Reasoning before the answer',
  parts: [
    {
      type: 'reasoning',
      text: `The user asks how many weekdays are between March 3 and March 21, 2025, inclusive.

March 3, 2025 is a Monday. From Monday March 3 to Friday March 21 is exactly three working weeks: Mar 3–7, Mar 10–14, Mar 17–21.

3 weeks × 5 weekdays = 15. No public holidays in that range in most countries, but I should mention that caveat.`,
    },
    {
      type: 'text',
      text: `There are **15 weekdays** between Monday, March 3 and Friday, March 21, 2025 (both included):

- Mar 3 – 7: 5 days
- Mar 10 – 14: 5 days
- Mar 17 – 21: 5 days

Public holidays are not subtracted; check your local calendar if that matters.`,
    },
  ],
};

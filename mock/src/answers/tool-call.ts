import type { MockAnswer } from './types.js';

/** A tool call whose JSON arguments stream in pieces, followed by the answer that uses it. */
export const toolCall: MockAnswer = {
  id: 'tool',
  title: 'A tool call with streaming arguments',
  parts: [
    {
      type: 'tool-call',
      id: 'call_weather_7f3a',
      name: 'get_weather',
      args: { location: 'Lisbon, Portugal', unit: 'celsius', days: 3, include: ['precipitation', 'wind'] },
    },
    {
      type: 'text',
      text: `The forecast for **Lisbon** over the next three days:

| Day | High | Low | Rain | Wind |
|-----|-----:|----:|-----:|------|
| Today | 21 °C | 14 °C | 10% | NW 15 km/h |
| Tomorrow | 19 °C | 13 °C | 60% | W 25 km/h |
| Friday | 22 °C | 15 °C | 5% | N 10 km/h |

Pack an umbrella for tomorrow.`,
    },
  ],
};

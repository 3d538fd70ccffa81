import type { ChatMessageInit } from '@rivulet/react';
import { answers, answerText } from '../../mock/src/index.js';

const questions = [
  'How do I stream an answer from the API?',
  'Can you say that in one line?',
  'Write me the long version.',
  'Show me retry code in a few languages.',
  'Compare the models in a table.',
  'How many weekdays between March 3 and 21?',
  "What's the weather in Lisbon?",
  'Give me something tricky to render.',
];

/** A finished conversation of `count` messages, alternating questions and the canned answers. */
export function longConversation(count: number): ChatMessageInit[] {
  return Array.from({ length: count }, (_, index) => {
    const turn = Math.floor(index / 2);
    if (index % 2 === 0) return { id: `m${index}`, role: 'user', content: questions[turn % questions.length]! };
    return { id: `m${index}`, role: 'assistant', content: answerText(answers[turn % answers.length]!) };
  });
}

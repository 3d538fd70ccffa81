/** The canned answers of the mock LLM, by id. */
import { code } from './code';
import { long } from './long';
import { overview } from './overview';
import { reasoning } from './reasoning';
import { short } from './short';
import { tables } from './tables';
import { toolCall } from './tool-call';
import { tricky } from './tricky';
import type { MockAnswer } from './types';

export type { MockAnswer, MockAnswerPart } from './types';

/** Every canned answer, in picker order. */
export const answers: readonly MockAnswer[] = [overview, short, long, code, tables, reasoning, toolCall, tricky];

/** Looks an answer up by id; `undefined` when there is none. */
export function findAnswer(id: string): MockAnswer | undefined {
  return answers.find((answer) => answer.id === id);
}

/** The answer's visible text (text parts joined), as a finished chat message would show it. */
export function answerText(answer: MockAnswer): string {
  return answer.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}

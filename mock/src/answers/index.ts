/** The canned answers of the mock LLM, by id. */
import { clientTool } from './client-tool.js';
import { code } from './code.js';
import { long } from './long.js';
import { math } from './math.js';
import { mermaid } from './mermaid.js';
import { oneBlockAnswers } from './one-block.js';
import { overview } from './overview.js';
import { reasoning } from './reasoning.js';
import { short } from './short.js';
import { tables } from './tables.js';
import { toolCall } from './tool-call.js';
import { tricky } from './tricky.js';
import type { MockAnswer } from './types.js';

export { answerAfterClientTool, CLIENT_TOOL_NAME, clientTool } from './client-tool.js';
export type { GeneratedAnswerId } from './generated.js';
export { GENERATED_ANSWERS, GENERATED_SIZES, generateAnswer } from './generated.js';
export { oneBlockAnswers } from './one-block.js';
export type { MockAnswer, MockAnswerPart } from './types.js';

/** Every canned answer, in picker order. */
export const answers: readonly MockAnswer[] = [
  overview,
  short,
  long,
  code,
  tables,
  reasoning,
  toolCall,
  tricky,
  mermaid,
  math,
];

/** Looks an answer up by id (the client tool's and the one-block answers too); `undefined` when there is none. */
export function findAnswer(id: string): MockAnswer | undefined {
  if (id === clientTool.id) return clientTool;
  return answers.find((answer) => answer.id === id) ?? oneBlockAnswers.find((answer) => answer.id === id);
}

/** The answer's visible text (text parts joined), as a finished chat message would show it. */
export function answerText(answer: MockAnswer): string {
  return answer.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}

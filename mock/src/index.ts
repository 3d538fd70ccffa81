/**
 * @rivulet/mock: a mock LLM with fault injection. This entry is browser-safe; the Node HTTP
 * handler lives in `@rivulet/mock/node`.
 */
export type { GeneratedAnswerId, MockAnswer, MockAnswerPart } from './answers/index.js';
export {
  answers,
  answerText,
  findAnswer,
  GENERATED_ANSWERS,
  GENERATED_SIZES,
  generateAnswer,
  oneBlockAnswers,
} from './answers/index.js';
export { createMockStream, mockFetch, mockSend } from './browser.js';
export type { MockDelta, MockFormat, MockUsage, WireEncoder } from './encoders/index.js';
export { createEncoder, MOCK_FORMATS } from './encoders/index.js';
export { createEventNumbering, cutInsideCharacter, parseEventId } from './event-ids.js';
export type { MockOptions } from './options.js';
export { MOCK_SCENARIOS, parseMockOptions, resolveScenario } from './options.js';
export type { MockMessage, MockPlan, MockResume, MockStep } from './plan.js';
export { answerDeltas, pickAnswer, planMock } from './plan.js';
export type { PlayEvent } from './play.js';
export { playPlan } from './play.js';
export { tokenize } from './tokenize.js';

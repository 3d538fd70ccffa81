/**
 * @rivulet/mock: a mock LLM with fault injection. This entry is browser-safe; the Node HTTP
 * handler lives in `@rivulet/mock/node`.
 */
export type { MockAnswer, MockAnswerPart } from './answers';
export { answers, answerText, findAnswer } from './answers';
export { createMockStream, mockFetch, mockSend } from './browser';
export type { MockDelta, MockFormat, MockUsage, WireEncoder } from './encoders';
export { createEncoder, MOCK_FORMATS } from './encoders';
export type { MockOptions } from './options';
export { MOCK_SCENARIOS, parseMockOptions, resolveScenario } from './options';
export type { MockMessage, MockPlan, MockStep } from './plan';
export { answerDeltas, pickAnswer, planMock } from './plan';
export type { PlayEvent } from './play';
export { playPlan } from './play';
export { tokenize } from './tokenize';

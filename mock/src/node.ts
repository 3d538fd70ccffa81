/** @rivulet/mock/node: the mock as a Node HTTP handler (Vite middleware or standalone server). */
export type { MockCounts, MockHandler, MockHandlerOptions, MockStats } from './handler.js';
export { createMockHandler } from './handler.js';

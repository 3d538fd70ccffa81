/**
 * Plain text streaming (`text/plain`): the answer's text deltas as they are. Reasoning and tool
 * calls have no representation and are left out; an error cannot be sent in-band.
 */
import type { WireEncoder } from './types.js';

export function createTextEncoder(): WireEncoder {
  return {
    contentType: 'text/plain; charset=utf-8',
    headers: { 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' },
    canSignalError: false,
    open: () => '',
    delta: (delta) => (delta.type === 'text' ? delta.delta : ''),
    finish: () => '',
    error: () => '',
    httpErrorBody: (_status, message) => JSON.stringify({ error: { message } }),
  };
}

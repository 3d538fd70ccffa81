/**
 * Turns a non-2xx `Response` into `StreamError('http')` with a message a person can act on:
 * "HTTP 429 Too Many Requests from https://api.example.com/chat: Rate limit reached".
 */

import { StreamError } from './errors';
import { errorMessageOf, truncateLine } from './formats/shared';

/** Builds the error from the response and its already-read body text. */
export function httpError(response: Response, body: string): StreamError {
  let parsed: unknown = body;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON: the text itself is the message unless it is an HTML error page.
  }
  const text = body.trim();
  const fromBody =
    typeof parsed === 'string' ? (text && !text.startsWith('<') ? text : undefined) : errorMessageOf(parsed);
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const from = response.url ? ` from ${response.url}` : '';
  const detail = fromBody ? `: ${truncateLine(fromBody)}` : '';
  return new StreamError('http', `${status}${from}${detail}`, { status: response.status, cause: parsed });
}

/**
 * The plain text of a message: its text parts in order (reasoning, tool calls, sources and files
 * left out), what a copy button copies and what the deprecated `content` field holds. Text parts
 * that other parts separate (text, a tool call, more text) are joined by a blank line.
 */
import type { MessagePart } from './parts';

/**
 * The plain text of a message (or of its parts).
 *
 * @example
 * navigator.clipboard.writeText(getMessageText(message));
 */
export function getMessageText(message: { readonly parts: readonly MessagePart[] } | readonly MessagePart[]): string {
  const parts = 'parts' in message ? message.parts : message;
  let text = '';
  let isSeparated = false;
  for (const part of parts) {
    if (part.type !== 'text') {
      isSeparated = text !== '';
      continue;
    }
    if (part.text === '') continue;
    text += isSeparated ? `\n\n${part.text}` : part.text;
    isSeparated = false;
  }
  return text;
}

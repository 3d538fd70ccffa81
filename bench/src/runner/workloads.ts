/**
 * The texts the extra measurements stream, cut from the fixtures: the conversation's messages, the
 * answers of the many-chats run, and the warm-up that loads what the measured text will need.
 */
import { readFixture } from './config';
import type { SizeId } from './results';

/** A fixture cut at its second-level headings: each part is a heading with its prose, lists, code. */
function parts(size: SizeId): string[] {
  return readFixture(size).split(/\n(?=## )/);
}

/** The first parts of the 40 KB answer, about 10 KB: the message that streams in the conversation. */
export function conversationMessage(): string {
  let message = '';
  for (const part of parts('40k')) {
    if (message.length > 10_000) break;
    message += message ? `\n${part}` : part;
  }
  return message;
}

/** The 200 KB answer cut at its parts, cycled to make a history of finished answers. */
export function conversationHistory(count: number): string[] {
  const all = parts('200k');
  return Array.from({ length: count }, (_, index) => all[index % all.length]!);
}

/**
 * One answer per chat window, about 3 KB each: two consecutive parts of the 40 KB answer (prose,
 * lists, tables and code in several languages), each window starting at a different part.
 */
export function concurrencyAnswers(count: number): string[] {
  const sections = parts('40k').slice(1);
  return Array.from({ length: count }, (_, index) => {
    const first = sections[(2 * index) % sections.length]!;
    const second = sections[(2 * index + 1) % sections.length]!;
    return `${first}\n${second}`;
  });
}

/**
 * The 2 KB answer, as the streaming runs warm up with, plus one tiny code block in each language the
 * measured texts use, so their grammars load here. The blocks' code appears nowhere else, so the
 * highlighter's cache of finished blocks gives the measured run nothing for free.
 */
export function warmupFor(texts: readonly string[]): string {
  const languages = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/^```(\w+)/gm)) languages.add(match[1]!);
  const blocks = [...languages].map((language) => `\`\`\`${language}\nwarm-up ${language}\n\`\`\``);
  return [readFixture('2k'), ...blocks].join('\n\n');
}

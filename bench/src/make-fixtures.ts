/**
 * Writes the 40 KB and 200 KB fixtures from the hand-written sections in `fixtures/sections.md`, and the
 * one-block answers (one list, one table, one quote, one code block: `shape-fixtures.ts`).
 * Each copy of a section gets its own identifiers and numbers (seeded), so no two blocks of a fixture
 * are byte-identical and no renderer can profit from caching repeated text. The output is checked in;
 * run `pnpm --filter @rivulet/bench run fixtures` only to regenerate it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { longCode, longItem, longList, longQuote, longTable } from './shape-fixtures';
import { createRandom } from './shared/prng';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const sections = readFileSync(join(fixtures, 'sections.md'), 'utf8')
  .split('<!-- section -->\n')
  .map((section) => section.trim());

const words = [
  'invoice',
  'ticket',
  'order',
  'report',
  'article',
  'booking',
  'shipment',
  'payment',
  'listing',
  'review',
  'comment',
  'project',
  'session',
  'campaign',
  'contract',
  'document',
  'lesson',
  'recipe',
  'device',
  'alert',
];

function fill(template: string, word: string, number: number, port: number): string {
  const pascal = word.charAt(0).toUpperCase() + word.slice(1);
  return template
    .replaceAll('{{Id}}', pascal)
    .replaceAll('{{id}}', word)
    .replaceAll('{{ID}}', word.toUpperCase())
    .replaceAll('{{N}}', String(number))
    .replaceAll('{{n}}', String(port));
}

function compose(targetBytes: number, seed: number, title: string): string {
  const random = createRandom(seed);
  const parts = [
    `# ${title}\n\nHere is a complete walkthrough. I have split it into numbered parts so you can jump to the one you need; each part is **self-contained**, with code you can paste and a short note on the *why*.`,
  ];
  let length = parts[0]!.length;
  let number = 1;
  while (length < targetBytes - 400) {
    const word = words[Math.floor(random() * words.length)]!;
    const section = sections[Math.floor(random() * sections.length)]!;
    const part = fill(section, word, number, 3000 + Math.floor(random() * 6000));
    parts.push(part);
    length += part.length + 2;
    number += 1;
  }
  parts.push(
    '## Summary\n\n- Validate configuration **once**, at start-up.\n- Keep transitions in one table and test it exhaustively.\n- Cache with `ETag` first; add layers only when measurements ask for them.\n\nIf you tell me which part you want to go deeper on, I can expand it with a full working example.',
  );
  return `${parts.join('\n\n')}\n`;
}

for (const [file, bytes, seed, title] of [
  ['answer-40k.md', 40_000, 40, 'Building a small publishing service, end to end'],
  ['answer-200k.md', 200_000, 200, 'A complete guide to a production publishing platform'],
] as const) {
  const text = compose(bytes, seed, title);
  writeFileSync(join(fixtures, file), text);
  console.log(`${file}: ${text.length} characters`);
}

for (const [file, text] of [
  ['answer-list-40k.md', longList(40_000, 41)],
  ['answer-table-30k.md', longTable(30_000, 30)],
  ['answer-quote-40k.md', longQuote(40_000, 42)],
  ['answer-code-30k.md', longCode(30_000, 31)],
  ['answer-item-40k.md', longItem(40_000, 43)],
] as const) {
  writeFileSync(join(fixtures, file), text);
  console.log(`${file}: ${text.length} characters`);
}

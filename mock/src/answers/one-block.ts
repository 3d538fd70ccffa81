/**
 * Answers that are one long block, as LLMs often write them: one numbered list with nested bullets
 * and code, one table, one block quote holding paragraphs, lists and code, one code block (a whole
 * file), one bullet holding a long numbered list (an outline). Each is about 12 KB, so
 * a renderer that re-parses its growing block whole on every update shows it; Rivulet splits the
 * block into its items, rows and children. Built once, deterministically (no randomness).
 */
import { FENCE, type MockAnswer } from './types.js';

const topics = ['cache', 'queue', 'retry', 'index', 'session', 'upload', 'search', 'billing', 'export', 'audit'];
const verbs = ['validate', 'batch', 'throttle', 'encrypt', 'log', 'notify', 'archive', 'stream'];

/** The `n`th of a list, cycling. */
function nth<T>(items: readonly T[], n: number): T {
  return items[n % items.length] as T;
}

/** About `target` characters of `item(0)`, `item(1)`, ... joined. */
function upTo(target: number, item: (n: number) => string): string {
  let text = '';
  for (let n = 0; text.length < target; n += 1) text += item(n);
  return text;
}

function listItem(n: number): string {
  const topic = nth(topics, n);
  const verb = nth(verbs, n * 3);
  // Nested lines are indented to the item's content: 3 spaces under `9.`, 4 under `10.`.
  const pad = ' '.repeat(String(n + 1).length + 2);
  let item = `${n + 1}. **${verb[0]?.toUpperCase()}${verb.slice(1)} the ${topic}** before it is stored: call \`${verb}${topic[0]?.toUpperCase()}${topic.slice(1)}(id)\` and keep its result, so step ${n + 2} never sees a partial record.\n`;
  item += `${pad}- see [the ${topic} guide](https://example.com/${topic}/${n}) for the *edge cases*\n`;
  item += `${pad}- the ${topic} queue holds at most ${(n % 5) + 1}0 items; ~~${verb} inline~~ ${verb} in a worker instead\n`;
  if (n % 4 === 3) {
    item += `\n${pad}${FENCE}ts\n${pad}await ${verb}(${topic}, { retries: ${n % 3} });\n${pad}${FENCE}\n`;
  }
  return item;
}

function tableRow(n: number): string {
  const topic = nth(topics, n);
  const verb = nth(verbs, n * 5);
  return `| ${n + 1} | \`${verb}()\` | ${topic} | ${n % 3 === 0 ? '**yes**' : 'no'} | ${(n * 37) % 900} ms | see [${topic}](https://example.com/${topic}) \\| ${verb} |\n`;
}

function quotePart(n: number): string {
  const topic = nth(topics, n);
  const verb = nth(verbs, n * 7);
  const lines = [
    `**Part ${n + 1}.** The ${topic} service must ${verb} each record *before* it is stored; ~~inline~~ a worker does it.`,
    '',
  ];
  if (n % 3 === 0) lines.push(`- ${verb} the ${topic} first`, `- then keep \`${topic}.id\``, '');
  if (n % 3 === 1) lines.push(`1. open the ${topic}`, `2. ${verb} it`, '');
  if (n % 3 === 2) lines.push(`${FENCE}sh`, `${verb} --${topic} ${n}`, FENCE, '');
  return `${lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')}\n`;
}

function codeUnit(n: number): string {
  const topic = nth(topics, n);
  const verb = nth(verbs, n * 3);
  const name = `${verb}${topic[0]?.toUpperCase()}${topic.slice(1)}`;
  return [
    `/** ${verb[0]?.toUpperCase()}${verb.slice(1)}s each ${topic} record, at most ${(n % 4) + 2} attempts. */`,
    `export async function ${name}(records: Record[], store: Store): Promise<number> {`,
    '  let done = 0;',
    '  for (const record of records) {',
    `    if (record.attempts >= ${(n % 4) + 2}) continue;`,
    '',
    `    const key = \`${topic}:\${record.id}:${n}\`;`,
    `    await store.put(key, { ...record, status: 'done' }); // ${verb} once`,
    '    done += 1;',
    '  }',
    '  return done;',
    '}',
    '',
    '',
  ].join('\n');
}

const tableHead =
  '| # | Call | Service | Idempotent | p95 | Notes |\n|--:|:-----|:--------|:----------:|----:|:------|\n';

/** One numbered list, about 12 KB. */
export const longList: MockAnswer = {
  id: 'long-list',
  title: 'One long numbered list with nested bullets and code',
  parts: [{ type: 'text', text: upTo(12_000, listItem) }],
};

/** One table, about 12 KB. */
export const longTable: MockAnswer = {
  id: 'long-table',
  title: 'One long table with inline code, links and escaped pipes',
  parts: [{ type: 'text', text: tableHead + upTo(12_000, tableRow) }],
};

/** One block quote, about 12 KB. */
export const longQuote: MockAnswer = {
  id: 'long-quote',
  title: 'One long block quote holding paragraphs, lists and code',
  parts: [{ type: 'text', text: upTo(12_000, quotePart).replace(/>\n$/, '') }],
};

/** One fenced code block, about 12 KB: a whole TypeScript module. */
export const longCode: MockAnswer = {
  id: 'long-code',
  title: 'One long code block: a whole TypeScript module',
  parts: [
    {
      type: 'text',
      text: `${FENCE}ts\nimport type { Record, Store } from './store';\n\n${upTo(12_000, codeUnit).trimEnd()}\n${FENCE}\n`,
    },
  ],
};

/** `text` as the content of one bullet (its lines indented under the marker). */
const underBullet = (text: string) => `- ${text.replace(/\n(?=.)/g, '\n  ')}`;

/**
 * An outline, about 12 KB: an intro line with one bullet right under it (no blank line between) that
 * holds a long numbered list, then a closing paragraph in the same bullet, and a short bullet after it.
 */
export const longItem: MockAnswer = {
  id: 'long-item',
  title: 'One bullet holding a long nested list (an outline)',
  parts: [
    {
      type: 'text',
      text: `Here is the rollout plan:\n${underBullet(`**Steps**, in order:\n${upTo(12_000, listItem)}\nThat is every step.\n`)}- **Rollback**: undo the steps in reverse order.\n`,
    },
  ],
};

/** The one-block answers, by id (not in the canned answers' rotation: they are long). */
export const oneBlockAnswers: readonly MockAnswer[] = [longList, longTable, longQuote, longCode, longItem];

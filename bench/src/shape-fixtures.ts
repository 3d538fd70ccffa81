/**
 * Answers that are one long block: one list, one table, one block quote. A renderer that splits an
 * answer only at its top-level blocks parses such a block whole on every flush; these fixtures show
 * whether per-flush cost stays flat inside them. Seeded, so the checked-in files can be regenerated.
 */
import { createRandom } from './shared/prng';

const nouns = ['invoice', 'ticket', 'order', 'report', 'booking', 'shipment', 'payment', 'review', 'session', 'device'];
const verbs = ['validate', 'cache', 'retry', 'log', 'index', 'archive', 'notify', 'encrypt', 'batch', 'throttle'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** One sentence with inline formatting, as models write in list items and cells. */
function sentence(random: Random, number: number): string {
  const noun = pick(random, nouns);
  const verb = pick(random, verbs);
  const forms = [
    `**${verb}** each ${noun} before it is stored, so step ${number} never sees a partial record`,
    `call \`${verb}${noun[0]?.toUpperCase()}${noun.slice(1)}(id, { retries: ${number % 5} })\` and keep the result`,
    `see [the ${noun} guide](https://example.com/${noun}/${number}) for the *edge cases* of ${verb}ing`,
    `the ${noun} queue holds at most ${number * 10} items; ~~${verb} inline~~ ${verb} in a worker instead`,
  ];
  return pick(random, forms);
}

/** One ordered list, about `target` characters: nested bullets, a deeper level, code in some items. */
export function longList(target: number, seed: number): string {
  const random = createRandom(seed);
  let text = 'Here is the full checklist, in order:\n\n';
  for (let number = 1; text.length < target; number += 1) {
    // Nested lines are indented to the item's content, which moves right from item 10 on.
    const pad = ' '.repeat(`${number}. `.length);
    let item = `${number}. ${sentence(random, number)}.\n`;
    const bullets = 1 + Math.floor(random() * 3);
    for (let bullet = 0; bullet < bullets; bullet += 1) {
      item += `${pad}- ${sentence(random, number + bullet)}\n`;
      if (random() < 0.3) item += `${pad}  1. ${sentence(random, number * 2)}\n`;
    }
    if (number % 4 === 0) {
      const noun = pick(random, nouns);
      item += `\n${pad}\`\`\`ts\n${pad}const ${noun}${number} = await ${pick(random, verbs)}(${noun}, { id: ${number} });\n${pad}if (!${noun}${number}.ok) throw new Error('step ${number} failed');\n${pad}\`\`\`\n`;
    }
    text += item;
  }
  return `${text}\nThat is every step.\n`;
}

/**
 * One bullet that holds the whole answer, about `target` characters: an intro line with the bullet
 * right under it (no blank line), the bullet's own line, then a long nested ordered list (the
 * `longList` checklist, indented into the item) and a closing paragraph inside the item. Outlines
 * come out like this ("- Steps:" with everything under it).
 */
export function longItem(target: number, seed: number): string {
  const list = longList(target, seed);
  const body = list.slice(list.indexOf('\n\n') + 2);
  const indented = body.replace(/^(?=.)/gm, '  ');
  return `Here is the plan:\n- **Steps**, in order:\n${indented}`;
}

/** One table, about `target` characters, whose cells hold inline code, links and escaped pipes. */
export function longTable(target: number, seed: number): string {
  const random = createRandom(seed);
  let text = '| # | Name | Status | Command | Notes |\n| ---: | --- | :---: | --- | --- |\n';
  for (let number = 1; text.length < target; number += 1) {
    const noun = pick(random, nouns);
    const verb = pick(random, verbs);
    const status = pick(random, ['ok', '**failing**', '_pending_', '~~removed~~']);
    const command = random() < 0.3 ? `\`grep ${noun} \\| wc -l\`` : `\`${verb} --${noun}=${number}\``;
    const notes =
      random() < 0.5 ? `a \\| b means either; see [docs](https://example.com/${number})` : `${verb}s the ${noun}`;
    text += `| ${number} | ${noun}-${number} | ${status} | ${command} | ${notes} |\n`;
  }
  return text;
}

/** One block quote, about `target` characters, holding paragraphs, bullet and numbered lists, and code. */
export function longQuote(target: number, seed: number): string {
  const random = createRandom(seed);
  let text = '';
  for (let number = 1; text.length < target; number += 1) {
    let part = `> **Part ${number}.** ${sentence(random, number)}; ${sentence(random, number + 1)}.\n>\n`;
    const items = 2 + Math.floor(random() * 4);
    for (let item = 1; item <= items; item += 1) {
      part += number % 2 === 0 ? `> ${item}. ${sentence(random, item)}\n` : `> - ${sentence(random, item)}\n`;
      if (random() < 0.25) part += `>   - ${sentence(random, item + number)}\n`;
    }
    if (number % 3 === 0) {
      part += `>\n> \`\`\`js\n> ${pick(random, verbs)}(${pick(random, nouns)}, ${number});\n> \`\`\`\n`;
    }
    text += `${part}>\n`;
  }
  return `${text}> That is all.\n`;
}

/**
 * One fenced code block, about `target` characters: a whole TypeScript module, as a model writes
 * one when asked for a complete file (types, functions, comments, strings, blank lines).
 */
export function longCode(target: number, seed: number): string {
  const random = createRandom(seed);
  let code = "import { createHash } from 'node:crypto';\nimport type { Queue, Store } from './runtime';\n\n";
  for (let number = 1; code.length < target; number += 1) {
    const noun = pick(random, nouns);
    const verb = pick(random, verbs);
    const type = `${noun[0]?.toUpperCase()}${noun.slice(1)}${number}`;
    if (number % 3 === 1) {
      code += `/** A ${noun} as the ${verb} step stores it. */\nexport interface ${type} {\n  id: string;\n`;
      code += `  attempts: number;\n  status: 'new' | 'done' | 'failed';\n  updatedAt: Date;\n}\n\n`;
      continue;
    }
    const limit = 1 + Math.floor(random() * 9);
    code += `/**\n * ${verb[0]?.toUpperCase()}${verb.slice(1)}s every ${noun} in \`items\`, at most ${limit} at a time.\n */\n`;
    code += `export async function ${verb}${type}(items: ${type}[], store: Store, queue: Queue): Promise<number> {\n`;
    code += `  let done = 0;\n  for (const item of items) {\n    if (item.attempts >= ${limit}) {\n`;
    code += `      await queue.push({ kind: '${noun}.failed', id: item.id, at: Date.now() });\n      continue;\n    }\n\n`;
    code += `    const key = createHash('sha256').update(\`${noun}:\${item.id}:${number}\`).digest('hex');\n`;
    if (random() < 0.5)
      code += `    // Skip what another worker finished meanwhile.\n    if (await store.has(key)) continue;\n`;
    code += `    await store.put(key, { ...item, status: 'done', updatedAt: new Date() });\n    done += 1;\n  }\n`;
    code += `  return done;\n}\n\n`;
  }
  return `Here is the whole module:\n\n\`\`\`ts\n${code.trimEnd()}\n\`\`\`\n\nSave it as \`src/workers.ts\`; each function is independent, so you can test them one by one.\n`;
}

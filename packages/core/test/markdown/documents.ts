/**
 * fast-check arbitraries for well-formed Markdown documents as LLMs write them: headings, paragraphs
 * with balanced inline formatting, lists with nested items and continuation paragraphs, code fences,
 * tables, block quotes and footnote definitions. Also a remark parser for checking parsed structure.
 */

import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const words = fc.constantFrom(
  'stream',
  'token',
  'render',
  'snake_case_name',
  '2 * 3 * 4',
  '5 * 0',
  '$750',
  'a_b_c',
  'x^2',
  '(see)',
  'done.',
  'user@example.com',
  'http://example.com/a_b*c',
);

const styled = fc.oneof(
  words,
  words.map((word) => `**${word}**`),
  words.map((word) => `*${word}*`),
  words.map((word) => `_${word}_`),
  words.map((word) => `~~${word}~~`),
  words.map((word) => `***${word}***`),
  fc.constantFrom('`code`', '`a * b`', '``x ` y``', '`**not bold**`'),
  words.map((word) => `[${word}](https://example.com/${word.length})`),
  words.map((word) => `**bold with *${word}* inside**`),
  fc.constantFrom('![logo](https://example.com/logo.png)', '\\*escaped\\*', 'x \\_ y'),
);

/** One line of inline content. */
export const inlineLine = fc.array(styled, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));

const heading = fc
  .tuple(fc.integer({ min: 1, max: 4 }), inlineLine)
  .map(([level, text]) => `${'#'.repeat(level)} ${text}`);
const paragraph = fc.array(inlineLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

const listItem = (marker: string) =>
  fc
    .tuple(inlineLine, fc.option(inlineLine), fc.option(fc.array(inlineLine, { minLength: 1, maxLength: 3 })))
    .map(([text, continuation, nested]) => {
      const indent = ' '.repeat(marker.length + 1);
      let item = `${marker} ${text}`;
      if (continuation !== null) item += `\n\n${indent}${continuation}`;
      if (nested !== null) item += `\n${nested.map((line) => `${indent}- ${line}`).join('\n')}`;
      return item;
    });

const list = fc
  .tuple(fc.constantFrom('-', '*', '1.'), fc.integer({ min: 1, max: 4 }), fc.boolean())
  .chain(([marker, count, loose]) =>
    fc
      .array(listItem(marker), { minLength: count, maxLength: count })
      .map((items) => items.join(loose ? '\n\n' : '\n')),
  );

const codeLine = fc.constantFrom(
  'const a = 1;',
  'x = a * b * c',
  'if (a_b) { **not** }',
  '',
  '  indented',
  '# not a heading',
  '- not a list',
);
const fence = fc
  .tuple(
    fc.constantFrom('```', '````', '~~~'),
    fc.constantFrom('', 'ts', 'python'),
    fc.array(codeLine, { maxLength: 5 }),
  )
  .map(([fenceRun, lang, lines]) => `${fenceRun}${lang}\n${lines.map((line) => `${line}\n`).join('')}${fenceRun}`);

const cell = fc.oneof(
  words,
  words.map((word) => `**${word}**`),
  fc.constant('`a | b`'.replace('|', '\\|')),
);
const table = fc
  .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 0, max: 3 }))
  .chain(([columns, rows]) =>
    fc
      .array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows + 1, maxLength: rows + 1 })
      .map(([header = [], ...body]) =>
        [header, Array.from({ length: columns }, () => '---'), ...body]
          .map((row) => `| ${row.join(' | ')} |`)
          .join('\n'),
      ),
  );

const quote = fc
  .array(inlineLine, { minLength: 1, maxLength: 3 })
  .map((lines) => lines.map((line) => `> ${line}`).join('\n'));
const rule = fc.constantFrom('***', '---', '___');

/** A footnote definition, as answers end with them: sometimes with an indented second paragraph or code. */
const footnoteDefinition = fc
  .tuple(
    fc.constantFrom('1', '2', 'note'),
    inlineLine,
    fc.option(fc.oneof(inlineLine, fc.constant('```\n    code\n\n    more\n    ```'))),
  )
  .map(([label, text, more]) => `[^${label}]: ${text}${more === null ? '' : `\n\n    ${more}`}`);

const block = fc.oneof(heading, paragraph, paragraph, list, fence, table, quote, rule, footnoteDefinition);

/** A complete document: blocks separated by blank lines (a heading sometimes followed directly). */
export const documentArbitrary = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([blocks, trailingNewline]) => blocks.join('\n\n') + (trailingNewline ? '\n' : ''));

/** A document and two cut points `a <= b` inside it. */
export const documentWithCuts = documentArbitrary.chain((text) =>
  fc
    .tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length }))
    .map(([x, y]) => ({ text, first: Math.min(x, y), second: Math.max(x, y) })),
);

const parser = unified().use(remarkParse).use(remarkGfm);

/** Top-level mdast nodes of `text`, without positions. */
export function parseBlocks(text: string): unknown[] {
  return JSON.parse(
    JSON.stringify(parser.parse(text).children, (key, value) => (key === 'position' ? undefined : value)),
  );
}

/** All mdast nodes of `text` in document order. */
export function parseNodes(text: string): Array<{ type: string; value?: string; children?: unknown[] }> {
  const nodes: Array<{ type: string; value?: string; children?: unknown[] }> = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    nodes.push(node);
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(parser.parse(text));
  return nodes;
}

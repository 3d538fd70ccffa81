/**
 * Generators of GFM Markdown for the differential and convergence tests: tables (escaped pipes,
 * code, alignment rows, outer pipes, ragged rows, what follows them) and task lists (nested,
 * quoted, with their markers' edge cases), over GFM's inline constructs.
 */

import fc from 'fast-check';

/** Runs of emphasis and strikethrough delimiters, of every length the resolution rules tell apart. */
export const attentionRuns = ['*', '**', '***', '_', '__', '~', '~~', '~~~'];

/** Text that goes in a table cell, list item or paragraph: GFM's inline constructs and their edges. */
export const inlinePieces = [
  'word',
  ' ',
  '`',
  '`code`',
  '`a\\|b`',
  '\\|',
  '\\\\',
  '\\',
  '|',
  '*',
  '**',
  '_',
  '~',
  '~~',
  '~~~',
  '[',
  ']',
  '](u)',
  '[^1]',
  '^',
  'http://a.b',
  'www.a.b',
  'a@b.c',
  '.',
  ':',
  '-',
  '中文',
  '。',
];

/** Inline pieces that keep a table row's cell count or a list item in the subset. */
const cellPieces = inlinePieces.filter((piece) => !['|', 'www.a.b', 'a@b.c'].includes(piece));

/** A table: header, delimiter row with alignments and optional outer pipes, body rows of any width. */
export const table = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    outer: fc.boolean(),
    cells: fc.array(fc.array(fc.constantFrom(...cellPieces), { maxLength: 4 }), { minLength: 1, maxLength: 14 }),
    alignments: fc.array(fc.constantFrom('-', '---', ':-', '-:', ':-:', ' :---: ', '--- '), {
      minLength: 4,
      maxLength: 4,
    }),
    widths: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }),
    after: fc.constantFrom('', '\n', '\n\npara', '\nlazy', '\n> quote', '\n- item', '\n|', '\n    indented'),
  })
  .map(({ columns, outer, cells, alignments, widths, after }) => {
    const cellTexts = cells.map((parts) => parts.join(''));
    let next = 0;
    const row = (width: number) => {
      const texts = Array.from({ length: width }, () => cellTexts[next++ % cellTexts.length] as string);
      return outer ? `| ${texts.join(' | ')} |` : texts.join(' | ');
    };
    const delimiter = alignments.slice(0, columns).join('|');
    return [row(columns), outer ? `|${delimiter}|` : delimiter, ...widths.map(row)].join('\n') + after;
  });

/** Task list items, nested or not, checked or not, in a quote or not, with their markers' edge cases. */
export const taskLists = fc
  .record({
    marker: fc.constantFrom('- ', '* ', '1. '),
    quoted: fc.boolean(),
    items: fc.array(
      fc.record({
        nested: fc.boolean(),
        task: fc.constantFrom('[ ] ', '[x] ', '[X] ', '[ ]  ', '[ ]', '[x]', '[-] ', '[x](u) ', '[ ] [', ''),
        parts: fc.array(fc.constantFrom(...cellPieces), { maxLength: 4 }),
        after: fc.constantFrom('\n', '\n', '\n\n', '\nmore\n', '\n\nmore\n'),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ marker, quoted, items }) => {
    const width = ' '.repeat(marker.length);
    const lines = items.map(({ nested, task, parts, after }) => {
      const indent = nested ? width : '';
      // Continuation lines are indented to the item's content.
      const text = `${indent}${marker}${task}${parts.join('')}${after.replace(/more/, `${indent}${width}more`)}`;
      return text;
    });
    const text = lines.join('');
    return quoted ? text.replace(/^/gm, '> ') : text;
  });

/**
 * GFM tables: the header row, the delimiter row (its cells give the columns' alignment) and the
 * body rows up to a blank line. Cells split at unescaped pipes; escaped pipes stay escaped for
 * the cell's inline parse, which reads `\|` as `|` (in code spans too, as remark-gfm does).
 * Any block start that could end the table leaves the subset.
 */

import type { AlignType, Table, TableRow } from 'mdast';
import { isBlank, listMarker, tableCells } from '../line-syntax';
import { parseInline } from './inline';
import { indentOf, interruptsParagraph } from './lines';
import { unsupported } from './unsupported';

/** A table row's cells' raw text (`tableCells`); escaped pipes stay escaped (the cell parses them). */
export function cellsOf(line: string): string[] {
  const cells = tableCells(line);
  if (cells.length === 0) unsupported();
  return cells;
}

function alignOf(cell: string): AlignType {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}

function tableRow(cells: readonly string[]): TableRow {
  return {
    type: 'tableRow',
    children: cells.map((cell) => ({ type: 'tableCell', children: parseInline(cell, true) })),
  };
}

export function parseTable(
  lines: readonly string[],
  start: number,
  header: readonly string[],
): { node: Table; end: number } {
  const delimiters = cellsOf(lines[start + 1] as string);
  const rows = [tableRow(header)];
  let index = start + 2;
  for (; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (isBlank(line)) break;
    const indent = indentOf(line);
    // Any other block start (even one that could not interrupt a paragraph) ends the table.
    if (indent >= 4 || listMarker(line) !== undefined || interruptsParagraph(line, indent)) unsupported();
    rows.push(tableRow(cellsOf(line)));
  }
  return { node: { type: 'table', align: delimiters.map(alignOf), children: rows }, end: index };
}

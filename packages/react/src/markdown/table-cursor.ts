/**
 * Where the typing cursor goes in a table row that is still streaming. The parser pads a row that has
 * fewer cells than the header with empty ones, so "after the last text" would be the padded last cell;
 * the next character appears in the cell being typed, which the source tells: the cells its last line
 * has so far. A line that ended (or was hidden by repair) keeps the cursor in its last typed cell.
 */

import { cellPipes } from '@rivulet/core/syntax';

/**
 * The index of the cell the cursor belongs in, in the row that the last line of `text` (the text a
 * tree was parsed from) gives, or in the previous line's row when `text` ends with a newline.
 */
export function typedCellIndex(text: string): number {
  const isLineDone = text.endsWith('\n');
  const end = isLineDone ? text.length - 1 : text.length;
  const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
  // Block quote markers and indentation, then the optional leading pipe.
  const row = line.replace(/^[ \t>]*/, '').replace(/^\|/, '');
  const pipes = cellPipes(row);
  const last = pipes[pipes.length - 1];
  // A line still open continues in the cell after its last pipe; a finished one ends in its last cell.
  const endsWithPipe = last !== undefined && row.slice(last + 1).trim() === '';
  return isLineDone && endsWithPipe ? Math.max(0, pipes.length - 1) : pipes.length;
}

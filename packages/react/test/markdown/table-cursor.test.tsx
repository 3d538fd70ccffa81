/**
 * The cursor in a table that is still streaming sits where the next character will appear: in the
 * cell of the last row being typed, not in the last cell of the row (which the parser pads with empty
 * cells up to the header's count). The same for a short table and a long one (rendered row by row).
 */
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

const head = '| Status | Code | Meaning |\n| --- | --- | --- |\n';
const longHead = `${head}${Array.from({ length: 40 }, (_, row) => `| ok | ${200 + row} | Fine |\n`).join('')}`;

/** The cursor's cell: its row's index among the body rows, its index in the row, the row's cell count. */
function cursorCell(markdown: string) {
  const { container, unmount } = render(
    <Markdown streaming cursor highlight={false}>
      {markdown}
    </Markdown>,
  );
  const cursors = container.querySelectorAll('[data-rivulet-cursor]');
  const cell = cursors[0]?.closest('td, th');
  const row = cell?.parentElement;
  const result = {
    count: cursors.length,
    tag: cell?.tagName,
    index: row ? [...row.children].indexOf(cell as Element) : -1,
    cells: row?.children.length ?? 0,
    text: cell?.textContent ?? '',
    isLastRow: row !== undefined && row === [...container.querySelectorAll('tr')].at(-1),
  };
  unmount();
  return result;
}

describe.each([
  ['a short table', head],
  ['a long table, rendered row by row', longHead],
])('the cursor in %s', (_, before) => {
  it('sits in the first cell while the first cell is typed, not in the padded last one', () => {
    expect(cursorCell(`${before}| Unauth`)).toMatchObject({ count: 1, tag: 'TD', index: 0, cells: 3, text: 'Unauth' });
  });

  it('sits in the cell being typed', () => {
    expect(cursorCell(`${before}| failed | 40`)).toMatchObject({ index: 1, text: '40' });
    expect(cursorCell(`${before}failed | 401 | Unauth`)).toMatchObject({ index: 2, text: 'Unauth' });
  });

  it('moves to the next cell once a cell is closed by its pipe', () => {
    expect(cursorCell(`${before}| failed |`)).toMatchObject({ index: 1, text: '' });
    expect(cursorCell(`${before}| failed | `)).toMatchObject({ index: 1, text: '' });
  });

  it('counts an escaped pipe as text, in code too', () => {
    expect(cursorCell(`${before}| a \\| b`)).toMatchObject({ index: 0, text: 'a | b' });
    expect(cursorCell(`${before}| \`a\\|b\` | c`)).toMatchObject({ index: 1, text: 'c' });
  });

  it('stays in the last typed cell of a finished row until the next row starts', () => {
    expect(cursorCell(`${before}| failed | 401 |\n`)).toMatchObject({ index: 1, text: '401' });
    expect(cursorCell(`${before}| failed | 401 | Unauthorized |\n`)).toMatchObject({ index: 2, text: 'Unauthorized' });
    expect(cursorCell(`${before}| failed |\n|`)).toMatchObject({ index: 0, text: 'failed' });
  });

  it('never sits behind an empty padded cell while a row streams in, a character at a time', () => {
    const row = '| Unauthorized | 401 | The token expired |';
    // From its first character of text on (a line that is only `| ` is hidden until then).
    for (let end = 3; end <= row.length; end += 1) {
      const typed = row.slice(0, end);
      const found = cursorCell(`${before}${typed}`);
      const cellsTyped = typed.slice(1).split('|').length;
      expect(found.index, JSON.stringify(typed)).toBe(Math.min(cellsTyped, 3) - 1);
      expect(found.isLastRow, JSON.stringify(typed)).toBe(true);
    }
  });
});

describe('the cursor in a table head', () => {
  it('sits in the last header cell once the delimiter row makes a table', () => {
    expect(cursorCell('| a | b |\n| --- | --- |')).toMatchObject({ tag: 'TH', index: 1, text: 'b' });
  });
});

/**
 * A table sits in its own scroll box (`div.rivulet-table`), on every path: rendered whole, streamed
 * (row by row) and finished, so a wide table scrolls sideways; the box is chrome, outside what the
 * convergence tests compare. A `table` override replaces it.
 */
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

const wide = `| Status | Code | Meaning | Retry |\n| --- | :-: | --- | ---: |\n${'| Unauthorized | 401 | The token expired or was never sent | no |\n'.repeat(3)}`;

function boxes(container: HTMLElement) {
  return [...container.querySelectorAll('.rivulet-table')].map((box) =>
    [...box.children].map((child) => child.tagName),
  );
}

describe('the scroll box of a table', () => {
  it('holds the table alone, in a static render', () => {
    const { container } = render(<Markdown highlight={false}>{`Before\n\n${wide}\nAfter`}</Markdown>);
    expect(boxes(container)).toEqual([['TABLE']]);
  });

  it('holds the table while it streams and once finished, which still equals the static render', () => {
    const { container, rerender } = render(<Markdown streaming highlight={false} />);
    for (let end = 1; end <= wide.length; end += 7) {
      rerender(
        <Markdown streaming highlight={false}>
          {wide.slice(0, end)}
        </Markdown>,
      );
      const tables = container.querySelectorAll('table');
      expect(boxes(container), JSON.stringify(wide.slice(0, end))).toEqual(tables.length === 0 ? [] : [['TABLE']]);
    }
    rerender(<Markdown highlight={false}>{wide}</Markdown>);
    expect(boxes(container)).toEqual([['TABLE']]);
    expect(canonicalHtml(container.firstElementChild as Element)).toBe(canonicalStaticHtml(wide));
  });

  it('is replaced by a table override', () => {
    const components = { table: (props: object) => <table className="mine" {...props} /> };
    const { container } = render(
      <Markdown highlight={false} components={components}>
        {wide}
      </Markdown>,
    );
    expect(container.querySelector('.rivulet-table')).toBeNull();
    expect(container.querySelector('table.mine')).not.toBeNull();
  });
});

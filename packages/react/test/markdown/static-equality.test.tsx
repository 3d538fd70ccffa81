import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

const documents = {
  paragraphs: 'One *two* **three** `four`.\n\nAnother paragraph\nwith a soft break.',
  'reference links': 'See [the docs][docs] and [again][docs].\n\nMore text.\n\n[docs]: https://example.com/docs "Docs"',
  footnotes: 'A claim.[^note]\n\nLater text.\n\n[^note]: The source.',
  'loose list': '- one\n\n- two\n- three\n\nAfter.',
  'tight nested list': '1. one\n   - a\n   - b\n2. two',
  'table and tasks': '| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo',
  'code and quote': '> quoted\n> text\n\n```js\nconst a = 1;\n```\n\n    indented code\n',
  'raw html and unsafe links': '<div onclick="x()">hi</div>\n\n[x](javascript:alert(1)) <script>alert(1)</script>',
  headings: '# One\n\nText\n\nTwo\n---\n\n### Three ###',
};

describe('<Markdown streaming={false}>', () => {
  it.each(Object.entries(documents))('equals the static render: %s', (_name, markdown) => {
    const { container } = render(<Markdown highlight={false}>{markdown}</Markdown>);
    const root = container.firstElementChild as HTMLElement;
    expect(root.getAttribute('data-streaming')).toBe('false');
    expect(canonicalHtml(root)).toBe(canonicalStaticHtml(markdown));
  });

  it('equals the static render after streaming the same text', () => {
    for (const markdown of Object.values(documents)) {
      const { container, rerender, unmount } = render(
        <Markdown streaming highlight={false}>
          {''}
        </Markdown>,
      );
      for (let end = 1; end <= markdown.length; end += 7) {
        rerender(
          <Markdown streaming highlight={false}>
            {markdown.slice(0, end)}
          </Markdown>,
        );
      }
      rerender(<Markdown highlight={false}>{markdown}</Markdown>);
      expect(canonicalHtml(container.firstElementChild as HTMLElement)).toBe(canonicalStaticHtml(markdown));
      unmount();
    }
  });
});

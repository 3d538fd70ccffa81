/**
 * Text direction: every rendered block (paragraph, heading, list, quote, table) gets `dir="auto"`, so an
 * Arabic or Hebrew answer reads right to left and an English one left to right, block by block; code
 * (blocks and inline) is `dir="ltr"` whatever surrounds it, and a paragraph that opens with inline code
 * takes its direction from the words after it. The same on the quick parser's path and remark's, while
 * streaming (the growing tail, an open fence) and once finished, where it equals the static render.
 */
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openFenceHast } from '../../src/markdown/open-fence';
import { getProcessor, markdownToHast, quickMarkdownToHast } from '../../src/markdown/pipeline';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

const arabic = `## الإجابة

هذا **نص عربي** مع \`npm install\` في السطر.

- البند الأول
- البند الثاني

> اقتباس قصير

| الاسم | القيمة |
| --- | --- |
| حالة | \`200\` |

\`\`\`js
const x = 1;
\`\`\`
`;

const hebrew = `# תשובה

\`pnpm test\` מריץ את הבדיקות.

1. צעד ראשון
2. צעד שני
`;

/** Every element of the rendered tree with its tag and `dir`. */
function directions(root: Element): Array<[string, string | null]> {
  return [...root.querySelectorAll('*')].map((element) => [element.tagName.toLowerCase(), element.getAttribute('dir')]);
}

function streamed(markdown: string): HTMLElement {
  const { container, rerender } = render(<Markdown streaming highlight={false} />);
  for (let end = 1; end <= markdown.length; end += 1) {
    rerender(
      <Markdown streaming highlight={false}>
        {markdown.slice(0, end)}
      </Markdown>,
    );
  }
  rerender(<Markdown highlight={false}>{markdown}</Markdown>);
  return container.firstElementChild as HTMLElement;
}

describe('block direction', () => {
  it('is auto on top-level paragraphs, headings, lists, quotes and tables, and ltr on code blocks and inline code', () => {
    const { container } = render(<Markdown highlight={false}>{arabic}</Markdown>);
    const root = container.firstElementChild as HTMLElement;
    const topLevel = [...root.querySelectorAll(':scope > *, :scope > .rivulet-blocks > *, .rivulet-table > table')]
      .filter((element) => !element.matches('.rivulet-blocks, .rivulet-table, .rivulet-code-block'))
      .map((element) => [element.tagName.toLowerCase(), element.getAttribute('dir')]);
    expect(topLevel).toEqual([
      ['h2', 'auto'],
      ['p', 'auto'],
      ['ul', 'auto'],
      ['blockquote', 'auto'],
      ['table', 'auto'],
    ]);
    expect(root.querySelector('pre')?.getAttribute('dir')).toBe('ltr');
    // Inline code (in a paragraph and in a table cell) is ltr; the code of a block takes its <pre>'s.
    const inline = [...root.querySelectorAll(':not(pre) > code')];
    expect(inline).toHaveLength(2);
    for (const code of inline) expect(code.getAttribute('dir')).toBe('ltr');
    // What a container holds follows it: `dir="auto"` would skip a paragraph with its own `dir`.
    const nested = directions(root).filter(([tag]) => ['li', 'td', 'th', 'p'].includes(tag));
    expect(nested.filter(([tag, dir]) => tag !== 'p' && dir !== null)).toEqual([]);
    expect(root.querySelector('blockquote > p')?.getAttribute('dir')).toBeNull();
  });

  it('leaves the paragraphs of a loose list and of a quote without their own, streamed or not', () => {
    const markdown = '> שלום\n>\n> > עולם\n\n- a\n\n- ב\n';
    for (const root of [streamed(markdown), render(<Markdown highlight={false}>{markdown}</Markdown>).container]) {
      expect(root.querySelectorAll('[dir="auto"]')).toHaveLength(2);
      expect([...root.querySelectorAll('[dir="auto"]')].map((element) => element.tagName)).toEqual([
        'BLOCKQUOTE',
        'UL',
      ]);
    }
  });

  it('is the same on the quick parser path and remark path', () => {
    const processor = getProcessor({});
    for (const markdown of ['مرحبا `x` بالعالم', '- שלום\n- עולם', '> # כותרת', '| a |\n| - |\n| `b` |']) {
      const quick = quickMarkdownToHast(markdown, processor);
      expect(quick, markdown).toBeDefined();
      const strip = (value: unknown) =>
        JSON.parse(JSON.stringify(value, (key, inner) => (key === 'position' ? undefined : inner)));
      expect(strip(quick), markdown).toEqual(strip(markdownToHast(markdown, processor)));
    }
  });

  it('is ltr on the <pre> of a fence still open, built without the parser', () => {
    const tree = openFenceHast('```js\nconst a = 1;\n');
    const pre = tree?.children[0];
    expect(pre?.type === 'element' && pre.properties.dir).toBe('ltr');
    const { container } = render(
      <Markdown streaming highlight={false}>
        {'مثال:\n\n```js\nconst a = 1;\n'}
      </Markdown>,
    );
    expect(container.querySelector('pre')?.getAttribute('dir')).toBe('ltr');
    expect(container.querySelector('p')?.getAttribute('dir')).toBe('auto');
  });

  it('streams, a character at a time, to exactly the static render (which has it too)', () => {
    for (const markdown of [arabic, hebrew, `${hebrew}\n[^1]\n\n[^1]: הערה &amp; עוד\n`]) {
      const expected = canonicalStaticHtml(markdown);
      expect(expected).toContain('dir="auto"');
      expect(expected).toContain('dir="ltr"');
      expect(canonicalHtml(streamed(markdown))).toBe(expected);
    }
  }, 60_000);
});

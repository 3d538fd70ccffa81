import { repairMarkdown, splitChildren } from '@rivulet/core';
import { Markdown, type MarkdownComponents } from '@rivulet/react';
import { render } from '@testing-library/react';
import { tests as commonmarkTests } from 'commonmark-spec';
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import gfmSpec from '../../../core/test/fixtures/markdown/gfm-spec.json';
import { randomChunks, seededRandom } from '../../../core/test/support/random';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

/** Streams `markdown` in `chunks`; returns the canonical HTML streamed, finished, and of every state. */
function stream(markdown: string, chunks: readonly string[], components?: MarkdownComponents) {
  const view = (text: string, streaming: boolean) => (
    <Markdown streaming={streaming} highlight={false} components={components}>
      {text}
    </Markdown>
  );
  const { container, rerender, unmount } = render(view('', true));
  const root = () => container.firstElementChild as HTMLElement;
  let text = '';
  for (const chunk of chunks) {
    text += chunk;
    rerender(view(text, true));
  }
  const streamed = canonicalHtml(root());
  rerender(view(markdown, false));
  const finished = canonicalHtml(root());
  unmount();
  return { streamed, finished };
}

/** Whether a complete streamed text must already equal the static render (see gfm-convergence). */
const streamsToStatic = (markdown: string) => !/^ {0,3}\[[^\]]+\]:/m.test(markdown) && !markdown.includes('<');

describe('blocks split into children converge on the static render', () => {
  it('for the CommonMark spec examples', () => {
    const random = seededRandom(20261205);
    const mismatches: string[] = [];
    for (const example of commonmarkTests) {
      const markdown = example.markdown.replaceAll('→', '\t');
      const { finished } = stream(markdown, randomChunks(markdown, random, 24));
      if (finished !== canonicalStaticHtml(markdown)) mismatches.push(`${example.number}: ${markdown}`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('for the GFM spec examples', () => {
    const random = seededRandom(20261206);
    const mismatches: string[] = [];
    for (const example of gfmSpec.examples) {
      const expected = canonicalStaticHtml(example.markdown);
      const { streamed, finished } = stream(example.markdown, randomChunks(example.markdown, random, 6));
      const streamedDiffers = streamed !== expected && streamsToStatic(example.markdown);
      if (streamedDiffers || finished !== expected) mismatches.push(`${example.section}: ${example.markdown}`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});

/** A long nested list: bullets, a deeper ordered level, code in items; `loose` puts a blank line between items. */
function nestedList(items: number, loose: boolean): string {
  let text = '';
  for (let index = 1; index <= items; index += 1) {
    // Nested lines are indented to the item's content, which moves right from item 10 on.
    const pad = ' '.repeat(`${index}. `.length);
    text += `${index}. Item ${index} with **bold** and \`code ${index}\`\n${pad}- sub ${index} [link](https://example.com/${index})\n`;
    if (index % 3 === 0) text += `${pad}  1. deeper\n${pad}  2. deeper still\n`;
    if (index % 5 === 0) text += `${pad}\`\`\`ts\n${pad}const x = 1;\n\n${pad}const y = 2;\n${pad}\`\`\`\n`;
    if (loose) text += '\n';
  }
  return text;
}

function longTable(rows: number): string {
  let text = '| n | code | note |\n| -: | :-: | --- |\n';
  for (let index = 1; index <= rows; index += 1) {
    text += `| ${index} | \`a \\| b ${index}\` | x \\| y _${index}_ |\n`;
    if (index % 7 === 0) text += `${index} no pipes\n`;
  }
  return text;
}

function longQuote(parts: number): string {
  let text = '';
  for (let index = 1; index <= parts; index += 1) {
    text += `> Part ${index} *says*\nlazily continued\n>\n> - a ${index}\n> - b\n>   1. nested\n>\n> \`\`\`js\n> code(${index});\n> \`\`\`\n>\n`;
  }
  return `${text}> End.\n`;
}

/** `markdown` inside a block quote (every line prefixed, `depth` quotes deep). */
const quoted = (markdown: string, depth = 1) =>
  markdown
    .split('\n')
    .map((line, index, lines) => (index === lines.length - 1 && line === '' ? '' : `${'> '.repeat(depth)}${line}`))
    .join('\n');

/** `markdown` as the content of one list item opened by `marker` (its lines indented to fit). */
const inItem = (marker: string, markdown: string) =>
  marker +
  markdown
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : `${' '.repeat(marker.length)}${line}`))
    .join('\n');

/** An item of many blocks: paragraphs, code and a short list, `parts` times. */
function longItemContent(parts: number): string {
  let text = '**Set up** the project first.\n';
  for (let index = 1; index <= parts; index += 1) {
    text += `\nPart ${index} explains *why*, with \`code ${index}\`.\n\n\`\`\`sh\nnpm run step-${index}\n\n# done\n\`\`\`\n`;
    if (index % 4 === 0) text += `- check ${index}\n- check again\n`;
  }
  return text;
}

const documents: Record<string, string> = {
  'a long tight nested list': nestedList(24, false),
  'a long loose list': nestedList(16, true),
  'a tight list that turns loose late': `${nestedList(14, false)}\n15. late item\n`,
  'a list whose code holds a blank line only': '- a\n- ```\n  x\n\n  y\n  ```\n- c\n'.repeat(1),
  'a task list': Array.from({ length: 30 }, (_, index) => `- [${index % 2 ? 'x' : ' '}] task ${index}\n`).join(''),
  'a list starting at 7': Array.from({ length: 30 }, (_, index) => `${index + 7}) step ${index}\n`).join(''),
  'a long table with inline code and escaped pipes': longTable(40),
  'a quote holding lists and code': longQuote(6),
  'a list followed by a paragraph': `${nestedList(12, false)}\nAfter the list.\n`,
  'a table followed by a paragraph': `${longTable(20)}\nAfter the table.\n`,
  'a table of 80 rows (three groups of rows)': longTable(80),
  'a list of 70 items (three groups of items)': Array.from({ length: 70 }, (_, index) => `- item ${index}\n`).join(''),
  'a quote of 70 paragraphs (three groups)': quoted(
    Array.from({ length: 70 }, (_, index) => `Point ${index} *stressed*.\n`).join('\n'),
  ),
  'a quote holding a long list': quoted(`Intro *text*.\n\n${nestedList(14, false)}`),
  'a long list right under a paragraph': `Steps, in order:\n${nestedList(14, false)}`,
  'a quote holding a long list right under a paragraph': quoted(`Intro *text*:\n${nestedList(14, false)}`),
  'a quote holding a long loose list, then text': quoted(`${nestedList(8, true)}\nAfter the list.\n`),
  'a quote holding a long table': quoted(`${longTable(24)}\nAfter.\n`),
  'a quote in a quote holding a list': quoted(`Outer.\n\n${quoted(nestedList(10, false))}`),
  'a long list citing footnotes defined nowhere': Array.from(
    { length: 24 },
    (_, index) => `- claim ${index} [^${index % 5}] and **more**[^x]\n`,
  ).join(''),
  'one item holding a long nested list': inItem('- ', `Steps:\n${nestedList(30, false)}`),
  'one item holding a long loose nested list': inItem('- ', `Steps:\n${nestedList(24, true)}`),
  'a long item of paragraphs and code, then another item': `${inItem('1. ', longItemContent(12))}2. Next step\n`,
  'a tight list whose long item holds a list then text': `- a\n${inItem('- ', `Steps:\n${nestedList(30, false)}`)}- c\n`,
  'a long item holding a long table and a quote': inItem(
    '10. ',
    `Table:\n\n${longTable(60)}\n${quoted(`Said:\n\n${nestedList(8, false)}`)}\nEnd.\n`,
  ),
  // From step 10 on, the sub-bullets fall short of the item's content: an ordered list, a bullet
  // list, an ordered list again, each its own block.
  'lists that alternate without blank lines': Array.from(
    { length: 30 },
    (_, index) => `${index + 1}. Step ${index} **bold**\n   - sub ${index}\n`,
  ).join(''),
  'a right-to-left quote holding a list': quoted(`שלום **עולם**\n\n${'- פריט `x` אחד\n'.repeat(20)}`),
};

/** An `li` override that counts each item's renders, by its `Item N` label (else its first characters). */
function countItemRenders() {
  const renders = new Map<string, number>();
  const components: MarkdownComponents = {
    li: ({ node: _node, ...props }: ComponentProps<'li'> & { node?: unknown }) => {
      const text = String(Array.isArray(props.children) ? props.children[0] : props.children);
      const key = /Item \d+/.exec(text)?.[0] ?? text.slice(0, 12);
      renders.set(key, (renders.get(key) ?? 0) + 1);
      return <li {...props} />;
    },
  };
  return { renders, components };
}

describe('long lists, tables and quotes, split into children', () => {
  it('are split', () => {
    expect(splitChildren(documents['a long tight nested list'] as string)?.kind).toBe('list');
    expect(splitChildren(documents['a long table with inline code and escaped pipes'] as string)?.kind).toBe('table');
    expect(splitChildren(documents['a quote holding lists and code'] as string)?.kind).toBe('quote');
    expect((documents['a long tight nested list'] as string).length).toBeGreaterThan(1024);
  });

  for (const [name, markdown] of Object.entries(documents)) {
    it(`converge on the static render: ${name}`, () => {
      const expected = canonicalStaticHtml(markdown);
      // While the text streams, a footnote call shows as the superscript link it will become
      // (`footnote-calls.ts`); once finished, one defined nowhere shows as written.
      const whileStreaming = expected.replace(
        /\[\^([\w-]+)\]/g,
        (_, label) =>
          `<sup><a data-footnote-ref="" href="#user-content-fn-${label}" rel="noopener noreferrer">${label}</a></sup>`,
      );
      for (const seed of [1, 2]) {
        const { streamed, finished } = stream(markdown, randomChunks(markdown, seededRandom(seed), 12));
        expect(streamed).toBe(whileStreaming);
        expect(finished).toBe(expected);
      }
    }, 60_000);
  }

  it('never render a finished item again while later items stream, unless the list turns loose', () => {
    const { renders, components } = countItemRenders();
    const tight = nestedList(24, false);
    stream(tight, randomChunks(tight, seededRandom(3), 12), components);
    // Each item renders while it is the open one, then once as final, then never again.
    const final = [...renders.entries()].filter(([key]) => key.startsWith('Item '));
    expect(final).toHaveLength(24);
    const itemRenders = (index: number) => renders.get(`Item ${index}`) ?? 0;
    // An early item: rendered while open (a few flushes), never again once the next items arrive.
    const early = itemRenders(2);
    renders.clear();
    const longer = `${tight}25. Item 25 is new\n26. Item 26 too\n`;
    stream(longer, [tight, '25. Item 25 is', ' new\n26. Item', ' 26 too\n'], components);
    expect(early).toBeGreaterThan(0);
    // Mounted once (the first chunk), then untouched by the three flushes that follow.
    expect(itemRenders(2)).toBe(1);
    expect(itemRenders(25)).toBeGreaterThan(1);
  }, 60_000);
});

describe('finished children past one group keep their elements', () => {
  const cases = [
    { name: 'the rows of a table of 80 rows', markdown: longTable(80), selector: 'tbody > tr', header: 2 },
    {
      name: 'the items of a list of 70 items',
      markdown: Array.from({ length: 70 }, (_, index) => `- item ${index} *one*\n`).join(''),
      selector: 'ul > li',
      header: 0,
    },
    {
      name: 'the paragraphs of a quote of 70 paragraphs',
      markdown: quoted(Array.from({ length: 70 }, (_, index) => `Point ${index} *stressed*.\n`).join('\n')),
      selector: 'blockquote > p',
      header: 0,
    },
  ];
  for (const { name, markdown, selector, header } of cases) {
    it(name, () => {
      const view = (text: string, streaming: boolean) => (
        <Markdown streaming={streaming} highlight={false}>
          {text}
        </Markdown>
      );
      const { container, rerender } = render(view('', true));
      const seen = new Map<number, Element>();
      let text = '';
      for (const chunk of randomChunks(markdown, seededRandom(5), 40)) {
        text += chunk;
        rerender(view(text, true));
        const children = [...container.querySelectorAll(selector)];
        // Every child but the last (still growing) is finished: once seen, always the same element,
        // also one that was typed as part of the previous child (or of a table's head child).
        children.slice(0, -1).forEach((child, index) => {
          const before = seen.get(index);
          if (before) expect(child, `child ${index} at ${text.length} characters`).toBe(before);
          else seen.set(index, child);
        });
      }
      const lines = markdown
        .trimEnd()
        .split('\n')
        .filter((line) => line.trim() !== '' && line.trim() !== '>');
      expect(seen.size).toBe(lines.length - header - 1);
      rerender(view(markdown, false));
      expect(canonicalHtml(container.firstElementChild as HTMLElement)).toBe(canonicalStaticHtml(markdown));
    });
  }
});

describe('a list citing footnotes', () => {
  it('is split, and renders as the static render once finished with its definitions', () => {
    const list = Array.from({ length: 30 }, (_, index) => `${index + 1}. Claim ${index}[^${(index % 3) + 1}]\n`).join(
      '',
    );
    expect(splitChildren(list)?.kind).toBe('list');
    const markdown = `${list}\n[^1]: First source.\n[^2]: Second source.\n[^3]: Third source.\n`;
    const { finished } = stream(markdown, randomChunks(markdown, seededRandom(7), 12));
    expect(finished).toBe(canonicalStaticHtml(markdown));
    expect(finished).toContain('data-footnotes');
  });
});

describe('a list inside a quote, split in turn', () => {
  it('never renders a finished item again while later items of the quoted list stream', () => {
    const { renders, components } = countItemRenders();
    const list = quoted(`Intro.\n\n${nestedList(12, false)}`);
    const chunks = [list, ...quoted('13. Item 13 is new\n14. Item 14 too\n').match(/[\s\S]{1,9}/g)!];
    const { streamed } = stream(`${list}${quoted('13. Item 13 is new\n14. Item 14 too\n')}`, chunks, components);
    expect(streamed).toBe(canonicalStaticHtml(`${list}${quoted('13. Item 13 is new\n14. Item 14 too\n')}`));
    // Mounted once with the first chunk, then untouched by the chunks that follow.
    expect(renders.get('Item 2')).toBe(1);
    expect(renders.get('Item 13')).toBeGreaterThan(1);
  });
});

describe('a list right under a paragraph (no blank line between)', () => {
  it('is a block of its own, split, and never renders a finished item again', () => {
    const { renders, components } = countItemRenders();
    const intro = 'Here is the plan, in order:\n';
    const list = nestedList(12, false);
    const more = '13. Item 13 is new\n14. Item 14 too\n';
    const chunks = [intro + list, ...more.match(/[\s\S]{1,9}/g)!];
    const { streamed } = stream(`${intro}${list}${more}`, chunks, components);
    expect(streamed).toBe(canonicalStaticHtml(`${intro}${list}${more}`));
    expect(renders.get('Item 2')).toBe(1);
    expect(renders.get('Item 13')).toBeGreaterThan(1);
  });
});

describe('a long list item, rendered block by block', () => {
  it('never renders a finished item of the list it holds again while later ones stream', () => {
    const { renders, components } = countItemRenders();
    const head = inItem('- ', `Steps:\n${nestedList(30, false)}`);
    const more = '  31. Item 31 is new\n  32. Item 32 too\n';
    expect(head.length).toBeGreaterThan(2048);
    const chunks = [head, ...more.match(/[\s\S]{1,9}/g)!];
    const { streamed } = stream(`${head}${more}`, chunks, components);
    expect(streamed).toBe(canonicalStaticHtml(`${head}${more}`));
    // Mounted once with the first chunk, then untouched by the chunks that follow.
    expect(renders.get('Item 2')).toBe(1);
    expect(renders.get('Item 31')).toBeGreaterThan(1);
  });
});

describe('a line typed after a long item that so far is only a marker', () => {
  const steps = inItem('- ', `Steps:\n${nestedList(30, false)}`);
  const install = inItem('1. ', longItemContent(24));
  const cases: Array<[string, string, string]> = [
    ['the next item of an ordered list', install, '2. Next step\n'],
    ['the next item of a bullet list', steps, '- Next: **more**\n'],
    ['a heading after an ordered list', install, '\n## After\n'],
    ['a quote after a bullet list', steps, '> Said\n'],
    ['a new list after a bullet list', steps, '10) Other\n'],
  ];
  for (const [name, item, next] of cases) {
    it(`renders as the repaired text, and keeps the item's elements: ${name}`, () => {
      expect(item.length).toBeGreaterThan(2048);
      const view = (text: string, streaming = true) => (
        <Markdown streaming={streaming} highlight={false}>
          {text}
        </Markdown>
      );
      const { container, rerender } = render(view(''));
      let text = '';
      for (const chunk of randomChunks(item, seededRandom(5), 40)) {
        text += chunk;
        rerender(view(text));
      }
      const kept = [...container.querySelectorAll('li > :is(p, pre, ol, ul)')];
      expect(kept.length).toBeGreaterThan(5);
      for (const character of next) {
        text += character;
        rerender(view(text));
        expect(canonicalHtml(container.firstElementChild as HTMLElement), JSON.stringify(text.slice(item.length))).toBe(
          canonicalStaticHtml(repairMarkdown(text)),
        );
        const now = container.querySelectorAll('li > :is(p, pre, ol, ul)');
        expect(
          kept.filter((element, index) => now[index] !== element).length,
          JSON.stringify(text.slice(item.length)),
        ).toBe(0);
      }
      rerender(view(text, false));
      expect(canonicalHtml(container.firstElementChild as HTMLElement)).toBe(canonicalStaticHtml(text));
    });
  }
});

describe('split blocks: React warnings', () => {
  it('a quote holding a code fence, streamed character by character, renders without a key warning', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const text = '> Intro\n>\n> ```js\n> const a = 1;\n> const b = 2;\n> ```\n> after\n';
      const view = render(<Markdown streaming>{text.slice(0, 1)}</Markdown>);
      for (let end = 2; end <= text.length; end++) view.rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
      view.rerender(<Markdown>{text}</Markdown>);
      expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });
});

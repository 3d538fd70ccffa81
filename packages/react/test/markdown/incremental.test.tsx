import { Markdown, type MarkdownComponents } from '@rivulet/react';
import { render } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ parsed: [] as string[], repaired: [] as string[] }));

vi.mock('../../src/markdown/pipeline', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/markdown/pipeline')>();
  return {
    ...original,
    markdownToHast: (markdown: string, processor: Parameters<typeof original.markdownToHast>[1]) => {
      calls.parsed.push(markdown);
      return original.markdownToHast(markdown, processor);
    },
    // The quick parser parses too (the full pipeline then only for what it declines).
    quickMarkdownToHast: (markdown: string, processor: Parameters<typeof original.markdownToHast>[1]) => {
      const tree = original.quickMarkdownToHast(markdown, processor);
      if (tree) calls.parsed.push(markdown);
      return tree;
    },
  };
});

vi.mock('@rivulet/core', async (importOriginal) => {
  const original = await importOriginal<typeof import('@rivulet/core')>();
  return {
    ...original,
    repairMarkdown: (partial: string) => {
      calls.repaired.push(partial);
      return original.repairMarkdown(partial);
    },
  };
});

beforeEach(() => {
  calls.parsed.length = 0;
  calls.repaired.length = 0;
});

/** Counts renders of each paragraph by its first word. */
function countingComponents(counts: Map<string, number>): MarkdownComponents {
  return {
    p: ({ node: _node, ...props }: ComponentProps<'p'> & { node?: unknown }) => {
      const text = String(Array.isArray(props.children) ? props.children[0] : props.children);
      const key = text.split(' ')[0] ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return <p {...props} />;
    },
  };
}

describe('incremental rendering', () => {
  it('never renders a finished block again while the last one grows', () => {
    const counts = new Map<string, number>();
    const components = countingComponents(counts);
    const view = (text: string) => (
      <Markdown streaming components={components}>
        {text}
      </Markdown>
    );
    // The last line is complete, so the splitter knows Charlie starts a block of its own.
    let text = 'Alpha is the first paragraph.\n\nBravo is the second.\n\nCharlie starts here.\n';
    const { rerender, container } = render(view(text));
    const before = { alpha: counts.get('Alpha'), bravo: counts.get('Bravo') };
    expect(before).toEqual({ alpha: 1, bravo: 1 });
    const words = 'and grows word by word until the end'.split(/(?= )/);
    for (const word of words) {
      text += word;
      rerender(view(text));
    }
    expect(container.querySelectorAll('p')).toHaveLength(3);
    expect(counts.get('Alpha')).toBe(1);
    expect(counts.get('Bravo')).toBe(1);
    expect(counts.get('Charlie')).toBe(1 + words.length);
  });

  it('repairs and parses only the last block per update, however long the text already is', () => {
    const paragraph = (index: number) => `Paragraph ${index} has **bold** and _emphasis_ and \`code\`.\n\n`;
    let text = '';
    const { rerender } = render(<Markdown streaming>{text}</Markdown>);
    const perUpdate: number[] = [];
    for (let index = 0; index < 60; index += 1) {
      for (const piece of [paragraph(index).slice(0, 20), paragraph(index).slice(20)]) {
        text += piece;
        calls.parsed.length = 0;
        calls.repaired.length = 0;
        rerender(<Markdown streaming>{text}</Markdown>);
        const parsedLength = calls.parsed.reduce((sum, source) => sum + source.length, 0);
        perUpdate.push(parsedLength);
        // The last block may still hold the previous paragraph until the new line is complete.
        for (const repaired of calls.repaired) expect(repaired.length).toBeLessThanOrEqual(2 * paragraph(index).length);
      }
    }
    // A flush parses at most the block it completes plus the new last block: a few paragraphs,
    // never the thousands of characters already final.
    expect(text.length).toBeGreaterThan(3000);
    expect(Math.max(...perUpdate)).toBeLessThanOrEqual(3 * paragraph(59).length);
  }, 30_000);

  it('leaves a hundred finished blocks untouched while the last one grows', () => {
    const counts = new Map<string, number>();
    const components = countingComponents(counts);
    let text = '';
    for (let index = 0; index < 100; index += 1) text += `P${index} text.\n\n`;
    const { rerender, container } = render(
      <Markdown streaming components={components}>
        {`${text}Tail\n`}
      </Markdown>,
    );
    for (let index = 0; index < 10; index += 1) {
      rerender(
        <Markdown streaming components={components}>
          {`${text}Tail\n${'!'.repeat(index)}`}
        </Markdown>,
      );
    }
    expect(container.querySelectorAll('p')).toHaveLength(101);
    for (let index = 0; index < 100; index += 1) expect(counts.get(`P${index}`)).toBe(1);
  });

  it('starts over when the text is replaced rather than extended', () => {
    const { container, rerender } = render(<Markdown streaming>{'First answer.\n\nMore'}</Markdown>);
    rerender(<Markdown streaming>{'Second\n\nanswer'}</Markdown>);
    expect([...container.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Second', 'answer']);
  });

  it('starts over for a long answer replaced by another one that begins alike', () => {
    const intro = `${'An introduction that both answers share. '.repeat(40)}\n\n`;
    const first = `${intro}${'First answer, paragraph. '.repeat(60)}\n\nEnd`;
    const { container, rerender } = render(<Markdown streaming>{first}</Markdown>);
    // Longer than the first, with the same first kilobyte.
    rerender(<Markdown streaming>{`${intro}${'Second answer, paragraph. '.repeat(80)}\n\nEnd`}</Markdown>);
    expect(container.textContent).not.toContain('First answer');
    expect(container.textContent).toContain('Second answer, paragraph.');
  });

  it('catches a change in the middle of a long answer when streaming ends', () => {
    const paragraphs = Array.from({ length: 120 }, (_, index) => `Paragraph ${index} of the answer.`);
    const text = `${paragraphs.join('\n\n')}\n\nThe end`;
    const { container, rerender } = render(<Markdown streaming>{text}</Markdown>);
    // Same length, same first and last kilobyte: while streaming, only its ends are compared.
    const edited = text.replace('Paragraph 60 of', 'Paragraph LX of');
    rerender(<Markdown>{edited}</Markdown>);
    expect(container.textContent).toContain('Paragraph LX of the answer.');
    expect(container.textContent).not.toContain('Paragraph 60 of');
  });

  it('keeps the streamed elements when streaming ends, parsing only the last block again', () => {
    const counts = new Map<string, number>();
    const components = countingComponents(counts);
    // The last line is complete, so the splitter has cut the last block off the code before it.
    const text = 'Alpha is final.\n\n```js\nconst a = 1;\n```\n\nOmega ends **the answer**.\n';
    const { container, rerender } = render(
      <Markdown streaming components={components} highlight={false}>
        {text.slice(0, -4)}
      </Markdown>,
    );
    rerender(
      <Markdown streaming components={components} highlight={false}>
        {text}
      </Markdown>,
    );
    const [alpha, omega] = [...container.querySelectorAll('p')];
    const pre = container.querySelector('pre');
    calls.parsed.length = 0;
    rerender(
      <Markdown components={components} highlight={false}>
        {text}
      </Markdown>,
    );
    expect(container.firstElementChild?.getAttribute('data-streaming')).toBe('false');
    expect([...container.querySelectorAll('p')]).toEqual([alpha, omega]);
    expect(container.querySelector('pre')).toBe(pre);
    expect(counts.get('Alpha')).toBe(1);
    expect(calls.parsed).toEqual(['Omega ends **the answer**.\n']);
    expect(container.querySelector('strong')?.textContent).toBe('the answer');
  });

  it('renders a finished document with footnotes in one pass', () => {
    const text = 'A claim.[^1]\n\nMore.\n\n[^1]: The source.\n';
    const { container, rerender } = render(<Markdown streaming>{text}</Markdown>);
    // While streaming the definition shows as its item, without the link back to the call.
    expect(container.querySelector('section.footnotes li')?.textContent?.trim()).toBe('The source.');
    expect(container.querySelector('[data-footnote-backref]')).toBeNull();
    calls.parsed.length = 0;
    rerender(<Markdown>{text}</Markdown>);
    expect(calls.parsed).toEqual([text]);
    expect(container.querySelector('section.footnotes li')?.textContent).toContain('The source.');
    expect(container.querySelector('section.footnotes li [data-footnote-backref]')).not.toBeNull();
  });

  it('finishes block by block when brackets only look like definitions (task lists, code)', () => {
    const text = '- [ ] todo\n- [x] done\n\n```py\ndef f() -> list[int]:\n    pass\n```\n\nLast line.\n';
    const { container, rerender } = render(<Markdown streaming>{text}</Markdown>);
    const list = container.querySelector('ul');
    calls.parsed.length = 0;
    rerender(<Markdown>{text}</Markdown>);
    expect(calls.parsed).toEqual(['Last line.\n']);
    expect(container.querySelector('ul')).toBe(list);
  });

  it('renders a finished document with a possible definition in one pass', () => {
    for (const text of ['See [x].\n\n> [x]: /url\n', 'See [x].\n\n[x\n]: /url\n', 'See [a].\n\n- [a]: /url\n']) {
      const { container, rerender, unmount } = render(<Markdown streaming>{text}</Markdown>);
      calls.parsed.length = 0;
      rerender(<Markdown>{text}</Markdown>);
      expect(calls.parsed).toEqual([text]);
      expect(container.querySelector('a')?.getAttribute('href')).toBe('/url');
      unmount();
    }
  });
});

/**
 * A ```` ```math ```` fence (display math as GitHub writes it) in `<Markdown>`: drawn with KaTeX like
 * a `$$` block, never shown as a code block; while the fence is still open it follows the rules of
 * an open `$$` block (last good drawing, or the source dimmed; never KaTeX's error text, never the
 * fence's backticks); a streamed answer ends equal to the static render; with math off it stays code.
 */
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { markOpenFence } from '../../src/markdown/open-fence';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

const root = (container: HTMLElement) => container.firstElementChild as HTMLElement;

/** The text a reader sees: formulas count as drawn (KaTeX's MathML copy left out). */
function visibleText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('.katex-mathml, annotation')) hidden.remove();
  return copy.textContent ?? '';
}

const integral = '\\int_0^1 x\\,dx';

describe('a ```math fence in a static answer', () => {
  it('is display math, drawn as the same formula as a $$ block', () => {
    const fenced = render(<Markdown>{`Area:\n\n\`\`\`math\n${integral}\n\`\`\`\n`}</Markdown>);
    const dollars = render(<Markdown>{`Area:\n\n$$\n${integral}\n$$\n`}</Markdown>);
    const formula = fenced.container.querySelector('div.rivulet-math[data-math="display"]');
    expect(formula?.querySelector('.katex-display')).not.toBeNull();
    expect(fenced.container.querySelector('pre, code, .rivulet-code-block')).toBeNull();
    expect(formula?.outerHTML).toBe(dollars.container.querySelector('.rivulet-math')?.outerHTML);
    expect(visibleText(root(fenced.container))).not.toContain('`');
  });

  it.each([
    ['with tildes', `~~~math\n${integral}\n~~~`],
    ['with words after the language', `\`\`\`math label\n${integral}\n\`\`\``],
    ['with a longer fence', `\`\`\`\`math\n${integral}\n\`\`\`\``],
  ])('%s', (_name, text) => {
    const { container } = render(<Markdown>{text}</Markdown>);
    expect(container.querySelector('div.rivulet-math[data-math="display"] .katex-display')).not.toBeNull();
    expect(container.querySelector('pre')).toBeNull();
  });

  it('takes the TeX as written: dollars and backslash delimiters inside it are not rewritten', () => {
    const { container } = render(<Markdown>{'```math\n\\text{costs \\$5} + x\n```'}</Markdown>);
    expect(container.querySelectorAll('.rivulet-math')).toHaveLength(1);
    expect(container.querySelector('.katex-display annotation')?.textContent).toBe('\\text{costs \\$5} + x');
  });

  it('shows a formula KaTeX cannot draw as its source, without an error box', () => {
    const { container } = render(<Markdown>{'```math\n\\frac{1}{\n```'}</Markdown>);
    const formula = container.querySelector('.rivulet-math');
    expect(formula?.getAttribute('data-state')).toBe('error');
    expect(formula?.textContent).toBe('\\frac{1}{');
    expect(container.querySelector('.katex-error')).toBeNull();
  });

  it('leaves other languages, math written as TeX code, and inline code as code', () => {
    const text = 'Use `math` or:\n\n```latex\n\\int x\n```\n\n```mathematica\nD[x^2, x]\n```\n';
    const { container } = render(<Markdown highlight={false}>{text}</Markdown>);
    expect(container.querySelector('.rivulet-math')).toBeNull();
    expect(container.querySelectorAll('pre')).toHaveLength(2);
  });

  it('stays a code block with math={false}', () => {
    const text = `\`\`\`math\n${integral}\n\`\`\``;
    const { container } = render(
      <Markdown math={false} highlight={false}>
        {text}
      </Markdown>,
    );
    expect(container.querySelector('.rivulet-math')).toBeNull();
    expect(container.querySelector('pre code.language-math')?.textContent).toBe(`${integral}\n`);
    expect(canonicalHtml(root(container))).toBe(canonicalStaticHtml(text, { math: false }));
  });
});

const documents = {
  'a math fence': `Euler:\n\n\`\`\`math\ne^{i\\pi} + 1 = 0\n\`\`\`\n\nDone.\n`,
  'a tilde fence with an aligned environment':
    'Steps:\n\n~~~math\n\\begin{aligned}\na &= b \\\\\n\nc &= d\n\\end{aligned}\n~~~\n\nAfter.\n',
  'a math fence in a list and a quote':
    '- first $a_1$\n- second\n\n  ```math\n  a_2 + \\frac{1}{2}\n  ```\n\n> ```math\n> q^2\n> ```\n',
  'a math fence next to code and $$': `\`\`\`ts\nconst price = '$5';\n\`\`\`\n\n\`\`\`math\nx^2\n\`\`\`\n\n$$\ny^2\n$$\n`,
  'an answer that ends with the fence': 'So:\n```math\n\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}\n```',
};

describe.each(Object.entries(documents))('%s streamed character by character', (_name, text) => {
  it('never shows an error, a raw fence or a code block of math, and ends equal to the static render', {
    timeout: 60_000,
  }, () => {
    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    for (let end = 1; end <= text.length; end += 1) {
      rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
      const prefix = JSON.stringify(text.slice(0, end));
      expect(container.querySelector('.katex-error, [data-state="error"]'), prefix).toBeNull();
      expect(container.querySelector('code.language-math'), prefix).toBeNull();
      expect(visibleText(root(container)), prefix).not.toMatch(/```|~~~|\$\$/);
    }
    rerender(<Markdown>{text}</Markdown>);
    expect(canonicalHtml(root(container))).toBe(canonicalStaticHtml(text));
  });

  it('renders the static text like the static reference', () => {
    const { container } = render(<Markdown>{text}</Markdown>);
    expect(canonicalHtml(root(container))).toBe(canonicalStaticHtml(text));
  });
});

describe('an open ```math fence while streaming', () => {
  it('is drawn as display math as soon as it parses, with the cursor after it', () => {
    const { container } = render(
      <Markdown streaming cursor>
        {'Area:\n\n```math\n\\pi r^2'}
      </Markdown>,
    );
    const formula = container.querySelector('div.rivulet-math[data-math="display"]');
    expect(formula?.querySelector('.katex-display')).not.toBeNull();
    expect(container.querySelector('pre')).toBeNull();
    expect(container.querySelector('[data-rivulet-cursor]')).not.toBeNull();
    expect(formula?.querySelector('[data-rivulet-cursor]')).toBeNull();
  });

  it('keeps its last good drawing while the next part does not parse yet', () => {
    const { container, rerender } = render(<Markdown streaming>{'```math\n\\frac{1}{2}'}</Markdown>);
    const first = container.querySelector('.rivulet-math')?.innerHTML;
    expect(first).toContain('katex');
    rerender(<Markdown streaming>{'```math\n\\frac{1}{2} + \\sqrt{'}</Markdown>);
    expect(container.querySelector('.rivulet-math')?.innerHTML).toBe(first);
    expect(container.querySelector('[data-state]')).toBeNull();
    rerender(<Markdown streaming>{'```math\n\\frac{1}{2} + \\sqrt{2}'}</Markdown>);
    expect(container.querySelector('.rivulet-math')?.innerHTML).not.toBe(first);
  });

  it('shows its source dimmed (pending, not an error) when it never parsed yet', () => {
    const { container } = render(<Markdown streaming>{'```math\n\\frac{'}</Markdown>);
    const formula = container.querySelector('.rivulet-math');
    expect(formula?.getAttribute('data-state')).toBe('pending');
    expect(formula?.textContent).toBe('\\frac{');
    expect(container.querySelector('.katex-error')).toBeNull();
  });

  it.each(['Text\n\n```math', 'Text\n\n```math\n', 'Text\n\n```math\n  \n'])(
    'hides a fence that has nothing in it yet: %j',
    (text) => {
      const { container } = render(<Markdown streaming>{text}</Markdown>);
      expect(visibleText(root(container)).trim()).toBe('Text');
      expect(container.querySelector('.rivulet-math, pre')).toBeNull();
    },
  );

  it('does not show a half-typed closing fence', () => {
    const { container } = render(<Markdown streaming>{'```math\nx^2\n``'}</Markdown>);
    expect(visibleText(root(container))).not.toContain('`');
    expect(container.querySelector('.rivulet-math .katex-display')).not.toBeNull();
  });

  it('stays drawn when the answer stops inside it', () => {
    const { container } = render(<Markdown incomplete>{`Look:\n\n\`\`\`math\n${integral} + \\frac{a}{b}`}</Markdown>);
    expect(container.querySelector('.rivulet-math .katex-display')).not.toBeNull();
    expect(visibleText(root(container))).not.toContain('`');
    expect(container.querySelector('pre, .katex-error')).toBeNull();
  });

  it('is the same element once its fence closes and text follows', () => {
    const { container, rerender } = render(<Markdown streaming>{'```math\nx^2'}</Markdown>);
    const element = container.querySelector('.rivulet-math');
    rerender(<Markdown streaming>{'```math\nx^2\n```\n\nNext'}</Markdown>);
    expect(container.querySelector('.rivulet-math')).toBe(element);
  });
});

describe('markOpenFence with a formula last', () => {
  const element = (tagName: string, children: Element['children'] = []): Element => ({
    type: 'element',
    tagName,
    properties: {},
    children,
  });

  it('marks no earlier code block when the open fence became a formula', () => {
    const pre = element('pre', [element('code')]);
    const tree: Root = { type: 'root', children: [element('li', [pre, element('rivulet-math')])] };
    markOpenFence(tree);
    expect(pre.data?.openFence).toBeUndefined();
  });

  it('still marks the last code block', () => {
    const pre = element('pre', [element('code')]);
    const tree: Root = { type: 'root', children: [element('rivulet-math'), pre] };
    markOpenFence(tree);
    expect(pre.data?.openFence).toBe(true);
  });
});

/**
 * Math in `<Markdown>`: KaTeX drawing of `$…$`, `$$…$$`, `\(…\)` and `\[…\]`, prices kept as text,
 * code left alone, formulas still open while streaming never shown as errors or raw `$$`, a
 * streamed answer converging to the static render, and nothing in a formula becoming a link.
 */
import { ChatWindow, Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

const root = (container: HTMLElement) => container.firstElementChild as HTMLElement;

/** The text a reader sees: formulas count as drawn (KaTeX's MathML copy and sources left out). */
function visibleText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('.katex-mathml, annotation')) hidden.remove();
  return copy.textContent ?? '';
}

describe('math in a static answer', () => {
  it('draws inline and display math with KaTeX', () => {
    const { container } = render(<Markdown>{'Area $\\pi r^2$.\n\n$$\n\\int_0^1 x\\,dx\n$$\n'}</Markdown>);
    const inline = container.querySelector('span.rivulet-math[data-math="inline"] .katex');
    const display = container.querySelector('div.rivulet-math[data-math="display"] .katex-display');
    expect(inline).not.toBeNull();
    expect(display).not.toBeNull();
    expect(visibleText(root(container))).not.toContain('$');
  });

  it('reads \\( \\) and \\[ \\] as models write them', () => {
    const { container } = render(<Markdown>{'Inline \\(a^2 + b^2\\) and\n\\[\nc^2\n\\]\nafter.'}</Markdown>);
    expect(container.querySelectorAll('span.rivulet-math .katex')).toHaveLength(1);
    expect(container.querySelectorAll('div.rivulet-math .katex-display')).toHaveLength(1);
    expect(visibleText(root(container))).not.toMatch(/\\[([\])]/);
  });

  it('leaves math delimiters in code as they are', () => {
    const text = 'Use `\\(x\\)` or `$x$`:\n\n```tex\n\\[ y \\] $$z$$\n```\n';
    const { container } = render(<Markdown highlight={false}>{text}</Markdown>);
    expect(container.querySelector('.rivulet-math')).toBeNull();
    expect(container.querySelector('p code')?.textContent).toBe('\\(x\\)');
    expect(container.querySelector('pre code')?.textContent).toBe('\\[ y \\] $$z$$\n');
  });

  it('renders code holding delimiters the same with math on and off', () => {
    const text = 'Tag it with `$(git rev-parse HEAD)`:\n\n```sh\nexport PATH=$HOME/bin:$PATH\necho \\(x\\)\n```\n';
    const on = render(<Markdown highlight={false}>{text}</Markdown>);
    const off = render(
      <Markdown math={false} highlight={false}>
        {text}
      </Markdown>,
    );
    expect(canonicalHtml(root(on.container))).toBe(canonicalHtml(root(off.container)));
    expect(canonicalHtml(root(on.container))).toBe(canonicalStaticHtml(text));
  });

  it.each([
    'It costs $5 and $10.',
    'Plans: $3.50, $4.99/month, or $1,000 once ($5-$10 off).',
    'US$5 and US$6; save $20!',
    '| Plan | Price |\n| --- | --- |\n| Pro | $5 |\n| Max | $10 |',
    '- $5\n- $10',
  ])('keeps prices as text: %j', (text) => {
    const { container } = render(<Markdown>{text}</Markdown>);
    expect(container.querySelector('.rivulet-math')).toBeNull();
    expect(visibleText(root(container)).match(/\$/g)).toHaveLength(text.match(/\$/g)?.length ?? 0);
  });

  it('tells a price from math in one sentence', () => {
    const { container } = render(<Markdown>{'It costs $5, and $x^2$ is math.'}</Markdown>);
    expect(container.querySelectorAll('.rivulet-math')).toHaveLength(1);
    expect(visibleText(root(container))).toContain('$5');
  });

  it('shows a formula KaTeX cannot draw as its source, without an error box', () => {
    const { container } = render(<Markdown>{'Bad $\\frac{1}{$ here'}</Markdown>);
    const formula = container.querySelector('.rivulet-math');
    expect(formula?.getAttribute('data-state')).toBe('error');
    expect(formula?.textContent).toBe('\\frac{1}{');
    expect(container.querySelector('.katex-error')).toBeNull();
  });

  it('renders nothing as math with math={false}', () => {
    const { container } = render(<Markdown math={false}>{'$x^2$ and \\(y\\)\n\n$$\nz\n$$'}</Markdown>);
    expect(container.querySelector('.rivulet-math, .katex')).toBeNull();
    expect(canonicalHtml(root(container))).toBe(canonicalStaticHtml('$x^2$ and \\(y\\)\n\n$$\nz\n$$', { math: false }));
  });
});

describe('math is never a way in', () => {
  it.each([
    '$\\href{javascript:alert(1)}{click}$',
    '$$\n\\url{javascript:alert(1)}\n$$',
    '\\(\\href{JaVaScRiPt:alert(1)}{x}\\)',
    '$\\htmlClass{x}{y} \\htmlId{evil}{z} \\htmlStyle{color:red}{w} \\includegraphics{https://example.com/x.png}$',
    '$\\text{<img src=x onerror=alert(1)>}$',
  ])('%j yields no link, resource or handler', (text) => {
    const { container } = render(<Markdown>{text}</Markdown>);
    expect(container.querySelector('a, img, [onerror], [onclick], #evil')).toBeNull();
    for (const element of container.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        expect(element.getAttribute(attribute)).not.toMatch(/javascript:/i);
      }
    }
  });
});

const documents = {
  'inline math': 'The area is $\\pi r^2$ and the sum is $\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$.\n',
  'display math': 'Euler:\n\n$$\ne^{i\\pi} + 1 = 0\n$$\n\nDone.\n',
  'display math with blank lines': '$$\n\\begin{aligned}\na &= b \\\\\n\nc &= d\n\\end{aligned}\n$$\n\nAfter.\n',
  'brackets and parens': 'Let \\(x > 0\\). Then\n\\[\nx^2 > 0\n\\]\nand \\[ y = \\sqrt{x} \\]\n',
  'math in a list and a quote': '- first $a_1$\n- second\n\n  $$\n  a_2\n  $$\n\n> $$\n> q\n> $$\n',
  'prices and math': 'It costs $5 and $10; $x$ is not a price. From $3.50.\n',
  'math next to emphasis': '**Bold $x^2$** and *italic \\(y\\)* then `$code$`.\n',
};

describe.each(Object.entries(documents))('%s streamed character by character', (_name, text) => {
  it('never shows an error or a raw $$, and ends equal to the static render', { timeout: 60_000 }, () => {
    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    for (let end = 1; end <= text.length; end += 1) {
      rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
      const prefix = JSON.stringify(text.slice(0, end));
      expect(container.querySelector('.katex-error, [data-state="error"]'), prefix).toBeNull();
      expect(visibleText(root(container)), prefix).not.toContain('$$');
    }
    rerender(<Markdown>{text}</Markdown>);
    expect(canonicalHtml(root(container))).toBe(canonicalStaticHtml(text));
  });

  it('renders the static text like the static reference', () => {
    const { container } = render(<Markdown>{text}</Markdown>);
    expect(canonicalHtml(root(container))).toBe(canonicalStaticHtml(text));
  });
});

describe('an open formula while streaming', () => {
  it('keeps its last good drawing while the next part does not parse yet', () => {
    const { container, rerender } = render(<Markdown streaming>{'$$\n\\frac{1}{2}'}</Markdown>);
    const first = container.querySelector('.rivulet-math')?.innerHTML;
    expect(first).toContain('katex');
    rerender(<Markdown streaming>{'$$\n\\frac{1}{2} + \\sqrt{'}</Markdown>);
    expect(container.querySelector('.rivulet-math')?.innerHTML).toBe(first);
    expect(container.querySelector('[data-state]')).toBeNull();
  });

  it('hides a display block that has nothing in it yet', () => {
    const { container } = render(<Markdown streaming>{'Text\n\n$$\n'}</Markdown>);
    expect(visibleText(root(container))).toBe('Text');
  });

  it('stays repaired when the answer stops inside an open $$ block', () => {
    const { container } = render(<Markdown incomplete>{'Look:\n\n$$\nx^2 + \\frac{a}{b'}</Markdown>);
    expect(visibleText(root(container))).not.toContain('$$');
    expect(container.querySelector('.katex-error')).toBeNull();
  });
});

describe('math in <ChatWindow>', () => {
  const history = [
    { id: 'q', role: 'user' as const, content: 'What is $x^2$ at $3?' },
    { id: 'a', role: 'assistant' as const, content: 'It is $x^2 = 9$.' },
  ];

  it('is on by default and off with math={false}', () => {
    const on = render(<ChatWindow api="/api/chat" initialMessages={history} />);
    expect(on.container.querySelectorAll('.rivulet-math .katex').length).toBeGreaterThan(0);
    on.unmount();
    const off = render(<ChatWindow api="/api/chat" initialMessages={history} math={false} />);
    expect(off.container.querySelector('.rivulet-math')).toBeNull();
    expect(off.container.textContent).toContain('$x^2 = 9$');
  });
});

import { Markdown } from '@rivulet/react';
import { Markdown as ServerMarkdown, type ServerMarkdownProps } from '@rivulet/react/server';
import { render, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage } from '../../src/markdown/highlighter';
import { loadMath } from '../../src/markdown/math/load-math';

/** Documents of every kind `<Markdown>` renders, unsafe ones included. */
const documents: Record<string, string> = {
  paragraphs: 'One *two* **three** `four` ~~five~~.\n\nAnother paragraph\nwith a soft break.',
  'reference links': 'See [the docs][docs] and [again][docs].\n\n[docs]: https://example.com/docs "Docs"',
  footnotes: 'A claim.[^note]\n\nLater text.\n\n[^note]: The source.',
  lists: '- one\n\n- two\n- three\n\n1. first\n   - a\n   - b\n2. second',
  'table and tasks': '| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo',
  headings: '# One\n\nText\n\nTwo\n---\n\n### Three ###',
  'code in known languages': [
    'Some code:',
    '',
    '```ts',
    'export function greet(name: string): string {',
    "  return 'Hello, ' + name + '!'; // a comment",
    '}',
    '```',
    '',
    '```python',
    'def add(a, b):',
    '    """Adds."""',
    '    return a + b',
    '```',
  ].join('\n'),
  'code without or with an unknown language':
    '```\nplain text\n```\n\n```no-such-language\nx = 1\n```\n\n    indented\n',
  'mermaid fence': '```mermaid\ngraph TD\n  A --> B\n```',
  'html code': '```html\n<div class="a">&amp; <b>bold</b></div>\n```',
  'quote with code': '> quoted\n>\n> ```js\n> const a = 1;\n> ```',
  'raw html and unsafe links': [
    '<div onclick="x()">hi</div> <script>alert(1)</script>',
    '',
    '[x](javascript:alert(1)) [y](vbscript:msgbox) ![z](data:text/html;base64,PHNjcmlwdD4=)',
    '',
    '[ok](https://example.com) [mail](mailto:a@example.com) [tel](tel:123) [rel](/docs)',
  ].join('\n'),
  'right to left': 'مرحبا بالعالم\n\nHello',
  math: 'Inline $a^2 + b^2 = c^2$ and display:\n\n$$\n\\int_0^1 x\\,dx\n$$\n\nAnd \\(\\frac{1}{2}\\), a broken $\\frac{1}{$ one, and $5 prices.',
  'math fence':
    'As GitHub writes it:\n\n```math\n\\sum_{n=1}^{\\infty} \\frac{1}{n^2}\n```\n\n~~~math\n\\frac{1}{\n~~~',
};

/**
 * The same code in every language of the documents, with a line more (so no cache of finished blocks
 * answers for them). shiki compiles a grammar's rules on first use, and a first line that takes more
 * than its time limit (a busy machine) stays partly uncoloured: both engines are warmed first.
 */
const warmUpBlocks = [
  ['ts', "// warm\nexport function greet(name: string): string {\n  return 'Hello, ' + name + '!'; // a comment\n}"],
  ['python', '# warm\ndef add(a, b):\n    """Adds."""\n    return a + b'],
  ['html', '<!-- warm -->\n<div class="a">&amp; <b>bold</b></div>'],
  ['js', '// warm\nconst a = 1;'],
  ['mermaid', '%% warm\ngraph TD\n  A --> B'],
];
const warmUp = warmUpBlocks.map(([lang, code]) => `\`\`\`${lang}\n${code}\n\`\`\``).join('\n\n');

beforeAll(async () => {
  await serverHtml(warmUp);
  await loadMath();
  const { container, unmount } = render(
    <Markdown highlight="all" mermaid={false}>
      {warmUp}
    </Markdown>,
  );
  const highlighted = () => container.querySelectorAll('[data-highlighted="true"]');
  await waitFor(() => expect(highlighted()).toHaveLength(warmUpBlocks.length), { timeout: 60_000 });
  unmount();
}, 90_000);

/** The server component's markup, as a string. */
async function serverHtml(markdown: string, props: Omit<ServerMarkdownProps, 'children'> = {}): Promise<string> {
  return renderToString(await ServerMarkdown({ ...props, children: markdown }));
}

/**
 * Parses HTML into a detached element, without the comments React puts between adjacent texts,
 * with its attributes in a canonical form.
 */
function parsed(html: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const walker = document.createTreeWalker(holder, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  holder.normalize();
  for (const element of holder.querySelectorAll<HTMLElement>('*')) {
    // A style attribute as the browser writes it back (React's string and the DOM's differ in spacing).
    if (element.hasAttribute('style')) element.setAttribute('style', element.style.cssText);
    // Attributes in one order (React sets some of them in another order in the browser).
    const attributes = [...element.attributes].map(({ name, value }) => [name, value] as const).sort();
    for (const [name] of attributes) element.removeAttribute(name);
    for (const [name, value] of attributes) element.setAttribute(name, value);
  }
  return holder;
}

describe('@rivulet/react/server', () => {
  it('exports only the server Markdown', async () => {
    expect(Object.keys(await import('@rivulet/react/server')).sort()).toEqual(['Markdown']);
  });
});

describe('@rivulet/react/server <Markdown>', () => {
  it.each(Object.entries(documents))(
    'without highlighting equals the client static render: %s',
    async (_name, text) => {
      // The client's static render draws no math (KaTeX loads in the browser): compare without it.
      const options = { highlight: false, math: false } as const;
      const client = renderToString(<Markdown {...options}>{text}</Markdown>);
      expect(await serverHtml(text, options)).toBe(client);
    },
  );

  it.each(Object.entries(documents))(
    'equals what the client shows once highlighted and its math drawn: %s',
    async (_name, text) => {
      const server = parsed(await serverHtml(text));
      // Grammars and KaTeX loaded ahead (see warmUp), so that a busy machine only delays the client's passes.
      const languages = [...server.querySelectorAll('[data-language]')].map((block) =>
        block.getAttribute('data-language'),
      );
      await loadMath();
      for (const lang of languages) await loadLanguage(lang as string);
      const { container } = render(<Markdown highlight="all">{text}</Markdown>);
      await waitFor(() => expect(parsed(container.innerHTML).innerHTML).toBe(server.innerHTML), { timeout: 20_000 });
    },
    30_000,
  );

  it('highlights on the server: shiki tokens in the markup, coloured for both themes', async () => {
    const html = await serverHtml(documents['code in known languages'] as string);
    const blocks = parsed(html).querySelectorAll('.rivulet-code-block');
    expect([...blocks].map((block) => block.getAttribute('data-highlighted'))).toEqual(['true', 'true']);
    const keyword = [...parsed(html).querySelectorAll<HTMLElement>('code span[style]')].find(
      (span) => span.textContent === 'export',
    );
    expect(keyword?.style.getPropertyValue('--shiki-light')).toMatch(/^#/);
    expect(keyword?.style.getPropertyValue('--shiki-dark')).toMatch(/^#/);
    expect(parsed(html).querySelector('pre code')?.textContent).toBe(
      "export function greet(name: string): string {\n  return 'Hello, ' + name + '!'; // a comment\n}\n",
    );
  });

  it('colours code with the themes it is given, as configureHighlighting does on the client', async () => {
    const code = '```ts\nconst a = 1;\n```';
    const line = async (theme?: { light?: string; dark?: string }) =>
      parsed(await serverHtml(code, theme ? { theme } : {})).querySelector<HTMLElement>('.line');
    const standard = await line();
    const nord = await line({ dark: 'nord' });
    expect(nord?.style.getPropertyValue('--shiki-light')).toBe(standard?.style.getPropertyValue('--shiki-light'));
    expect(nord?.style.getPropertyValue('--shiki-dark')).toMatch(/^#/);
    expect(nord?.style.getPropertyValue('--shiki-dark')).not.toBe(standard?.style.getPropertyValue('--shiki-dark'));
  });

  it('leaves unknown languages and highlight={false} plain', async () => {
    const unknown = parsed(await serverHtml('```no-such-language\nx = 1\n```'));
    expect(unknown.querySelector('.rivulet-code-block')?.getAttribute('data-highlighted')).toBe('false');
    const off = parsed(await serverHtml('```ts\nconst a = 1;\n```', { highlight: false }));
    expect(off.querySelector('code')?.textContent).toBe('const a = 1;\n');
    expect(off.querySelectorAll('code .line, code span[style]')).toHaveLength(0);
  });

  it('keeps the URL policy: only safe URLs and the allowed prefixes survive', async () => {
    const text = documents['raw html and unsafe links'] as string;
    const html = await serverHtml(text);
    expect(html).not.toMatch(/javascript:|vbscript:|data:text\/html|<script|onclick/i);
    const hrefs = (element: HTMLElement) => [...element.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs(parsed(html))).toEqual(['https://example.com', 'mailto:a@example.com', '/docs']);
    const allowed = parsed(await serverHtml(text, { allowedLinkPrefixes: ['tel:'] }));
    expect(hrefs(allowed)).toContain('tel:123');
  });

  it('draws math with KaTeX, and marks a formula that does not parse', async () => {
    const root = parsed(await serverHtml(documents.math as string));
    expect(root.querySelectorAll('.rivulet-math .katex')).toHaveLength(3);
    expect(root.querySelector('.rivulet-math[data-state="error"]')?.textContent).toBe('\\frac{1}{');
    expect(root.textContent).toContain('$5 prices');
  });

  it('draws a ```math fence as display math, not as code', async () => {
    const root = parsed(await serverHtml(documents['math fence'] as string));
    expect(root.querySelectorAll('div.rivulet-math[data-math="display"] .katex-display')).toHaveLength(1);
    expect(root.querySelector('.rivulet-math[data-state="error"]')?.textContent).toBe('\\frac{1}{');
    expect(root.querySelector('pre, .rivulet-code-block')).toBeNull();
  });

  it('passes attributes, class name, labels and component overrides through', async () => {
    const html = await serverHtml('Go [home](/) now.\n\n```ts\nconst a = 1;\n```', {
      className: 'answer',
      id: 'first',
      labels: { copyCode: 'Copier' },
      components: { a: 'span' },
    });
    const root = parsed(html).firstElementChild as HTMLElement;
    expect(root.className).toBe('rivulet-markdown rivulet-markdown--static answer');
    expect(root.id).toBe('first');
    expect(root.querySelector('.rivulet-code-copy')?.textContent).toBe('Copier');
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('p span')?.textContent).toBe('home');
  });
});

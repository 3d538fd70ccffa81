import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import type { Element, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { sanitizeSchemaFor } from '../../src/markdown/pipeline';
import { rehypeUrlPolicy, type UrlPolicyOptions } from '../../src/markdown/url-policy';

function renderHtml(markdown: string, props: Partial<Parameters<typeof Markdown>[0]> = {}): HTMLElement {
  const { container } = render(<Markdown {...props}>{markdown}</Markdown>);
  return container.firstElementChild as HTMLElement;
}

const dangerous = /^\s*(javascript|vbscript|data):/i;

function urlsOf(root: HTMLElement): string[] {
  return [...root.querySelectorAll('*')].flatMap((element) =>
    ['href', 'src', 'action', 'formaction', 'cite', 'xlink:href']
      .map((name) => element.getAttribute(name))
      .filter((value): value is string => value !== null),
  );
}

function handlersOf(root: HTMLElement): string[] {
  return [...root.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => attribute.name),
  );
}

const payloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](jav&#x61;script:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](<java\tscript:alert(1)>)',
  '[click](<javascript&#58;alert(1)>)',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+)',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<svg onload=alert(1)></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<details open ontoggle=alert(1)>',
  '```html\n<script>alert(1)</script>\n```',
];

describe('Markdown sanitization', () => {
  it.each(payloads)('lets no script, handler or dangerous URL through: %s', (payload) => {
    for (const streaming of [false, true]) {
      const root = renderHtml(payload, { streaming });
      expect(root.querySelector('script, iframe, svg, object, embed, style')).toBeNull();
      expect(handlersOf(root)).toEqual([]);
      expect(urlsOf(root).filter((url) => dangerous.test(url))).toEqual([]);
    }
  });

  it('keeps raw HTML out of the DOM as elements', () => {
    const root = renderHtml('Hello <b onclick="x()">bold</b> <script>alert(1)</script>');
    expect(root.querySelector('b')).toBeNull();
    expect(root.innerHTML).not.toContain('<script');
    expect(root.textContent).toContain('Hello');
  });

  it('shows a blocked link as its text, and a blocked image as its alt text', () => {
    const root = renderHtml('[click me](javascript:alert(1)) and ![the alt](javascript:alert(2))');
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toBe('click me and the alt');
  });

  it('keeps http, https, mailto and relative links, with rel and a new tab for web links', () => {
    const root = renderHtml(
      '[a](https://example.com/x) [b](http://example.com) [c](mailto:me@example.com) [d](/docs#top) [e](#here)',
    );
    const links = [...root.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://example.com/x',
      'http://example.com',
      'mailto:me@example.com',
      '/docs#top',
      '#here',
    ]);
    for (const link of links) expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links.map((link) => link.getAttribute('target'))).toEqual(['_blank', '_blank', null, null, null]);
  });

  it('keeps web and relative images', () => {
    const root = renderHtml('![a](https://example.com/a.png) ![b](./b.png)');
    expect([...root.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([
      'https://example.com/a.png',
      './b.png',
    ]);
  });

  it('widens the policy with allowed prefixes, and only for the kind they are given for', () => {
    const markdown = '[call](tel:+123) ![dot](data:image/png;base64,iVBORw0KGgo=)';
    const strict = renderHtml(markdown);
    expect(strict.querySelector('a')).toBeNull();
    expect(strict.querySelector('img')).toBeNull();

    const widened = renderHtml(markdown, {
      allowedLinkPrefixes: ['tel:'],
      allowedImagePrefixes: ['data:image/png;'],
    });
    expect(widened.querySelector('a')?.getAttribute('href')).toBe('tel:+123');
    expect(widened.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');

    const imageOnly = renderHtml('[x](data:image/png;base64,iVBORw0KGgo=)', {
      allowedImagePrefixes: ['data:image/png;'],
    });
    expect(imageOnly.querySelector('a')).toBeNull();
  });

  it('keeps GFM: tables, task lists, strikethrough, footnotes, language classes', () => {
    const root = renderHtml(
      '| a | b |\n|---|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~gone~~ note[^1]\n\n[^1]: The note.\n\n```ts\nlet a = 1\n```\n',
      { highlight: false },
    );
    expect(root.querySelector('table td[align="right"]')?.textContent).toBe('2');
    const boxes = [...root.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((box) => [box.checked, box.disabled])).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(root.querySelector('del')?.textContent).toBe('gone');
    const reference = root.querySelector('a[data-footnote-ref]');
    const target = reference?.getAttribute('href')?.slice(1) ?? 'missing';
    expect(root.querySelector(`[id="${target}"]`)?.textContent).toContain('The note.');
    expect(root.querySelector('code')?.className).toBe('language-ts');
  });

  it('lets nothing dangerous through at any point of a stream', () => {
    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    for (const payload of payloads) {
      for (let end = 1; end <= payload.length; end += 1) {
        rerender(<Markdown streaming>{payload.slice(0, end)}</Markdown>);
        const root = container.firstElementChild as HTMLElement;
        expect(root.querySelector('script, iframe, svg')).toBeNull();
        expect(handlersOf(root)).toEqual([]);
        expect(urlsOf(root).filter((url) => dangerous.test(url))).toEqual([]);
      }
    }
  }, 60_000);

  it('lets nothing dangerous through at any point of a stream, with prefixes allowed', () => {
    const allowed = { allowedLinkPrefixes: ['tel:'], allowedImagePrefixes: ['data:image/png;'] };
    const { container, rerender } = render(
      <Markdown streaming {...allowed}>
        {''}
      </Markdown>,
    );
    for (const payload of payloads) {
      for (let end = 1; end <= payload.length; end += 1) {
        rerender(
          <Markdown streaming {...allowed}>
            {payload.slice(0, end)}
          </Markdown>,
        );
        const root = container.firstElementChild as HTMLElement;
        expect(root.querySelector('script, iframe, svg')).toBeNull();
        expect(handlersOf(root)).toEqual([]);
        expect(urlsOf(root).filter((url) => dangerous.test(url) && !url.startsWith('data:image/png;'))).toEqual([]);
      }
    }
  }, 60_000);
});

/** The `href` and `src` values left in the tree of `markdown` by `walls` alone. */
function urlsAfter(markdown: string, walls: 'sanitizer' | 'policy', policy: UrlPolicyOptions = {}): string[] {
  const processor = unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(walls === 'sanitizer' ? [[rehypeSanitize, sanitizeSchemaFor(policy)]] : [[rehypeUrlPolicy, policy]]);
  const urls: string[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      for (const key of ['href', 'src'])
        if (typeof child.properties[key] === 'string') urls.push(child.properties[key]);
      visit(child);
    }
  };
  visit(processor.runSync(processor.parse(markdown)) as Root);
  return urls;
}

describe('two walls for URLs: rehype-sanitize’s protocol check, then the URL policy', () => {
  const attacks = [
    '[a](javascript:alert(1))',
    '[a](vbscript:msgbox(1))',
    '[a](data:text/html;base64,PHNjcmlwdD4=)',
    '![a](javascript:alert(1))',
    '![a](data:image/svg+xml;base64,PHN2Zz4=)',
    '<javascript:alert(1)>',
  ];

  it.each(attacks)('each wall alone removes the URL of %s', (markdown) => {
    expect(urlsAfter(markdown, 'sanitizer')).toEqual([]);
    expect(urlsAfter(markdown, 'policy')).toEqual([]);
  });

  it('the sanitizer lets through the schemes of the policy and of the allowed prefixes, no more', () => {
    const policy = { allowedLinkPrefixes: ['tel:', '/files/'], allowedImagePrefixes: ['data:image/png;'] };
    expect(sanitizeSchemaFor(policy).protocols).toMatchObject({
      href: ['http', 'https', 'mailto', 'tel'],
      src: ['http', 'https', 'data'],
    });
    expect(urlsAfter('[a](tel:+1) [b](irc://x) ![c](data:image/png;base64,AA==)', 'sanitizer', policy)).toEqual([
      'tel:+1',
      'data:image/png;base64,AA==',
    ]);
  });

  it('a URL must pass both: what one wall keeps, the other may still remove', () => {
    // The sanitizer keeps any `data:` image once `data:image/png;` is allowed; the policy keeps only PNG.
    const svg = '![x](data:image/svg+xml;base64,PHN2Zz4=)';
    const allowed = { allowedImagePrefixes: ['data:image/png;'] };
    expect(urlsAfter(svg, 'sanitizer', allowed)).toHaveLength(1);
    expect(renderHtml(svg, allowed).querySelector('img')).toBeNull();
    // The policy reads schemes in any case; the sanitizer only as listed, in lower case.
    const upper = '[call](TEL:+1)';
    const tel = { allowedLinkPrefixes: ['tel:'] };
    expect(urlsAfter(upper, 'policy', tel)).toEqual(['TEL:+1']);
    expect(urlsAfter(upper, 'sanitizer', tel)).toEqual([]);
    const root = renderHtml(upper, tel);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toBe('call');
    expect(renderHtml('[call](tel:+1)', tel).querySelector('a')?.getAttribute('href')).toBe('tel:+1');
  });
});

import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

function stream(markdown: string) {
  const view = render(<Markdown streaming highlight={false} />);
  for (let end = 1; end <= markdown.length; end += 3) {
    view.rerender(
      <Markdown streaming highlight={false}>
        {markdown.slice(0, end)}
      </Markdown>,
    );
  }
  view.rerender(
    <Markdown streaming highlight={false}>
      {markdown}
    </Markdown>,
  );
  return view.container;
}

describe('link reference definitions while streaming', () => {
  it('resolve a reference link against a definition in a later block', () => {
    const container = stream('See [the docs][d] and [d].\n\n[d]: https://example.com/docs "Docs"\n\nMore text.\n');
    const links = [...container.querySelectorAll('a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['the docs', 'https://example.com/docs'],
      ['d', 'https://example.com/docs'],
    ]);
    expect(container.textContent).not.toContain('[');
  });

  it('leave code alone, even when it looks like a reference', () => {
    const container = stream('[i]: https://example.com/i\n\n```js\nconst x = a[i][j];\n```\n\nDone.\n');
    expect(container.querySelector('code')?.textContent).toBe('const x = a[i][j];\n');
    expect(container.querySelector('a')).toBeNull();
  });

  it('do not treat footnote definitions as link definitions', () => {
    const container = stream('Claim [^1] and [x].\n\n[^1]: A note.\n\nEnd.\n');
    // The footnote definition shows as the footnote it will be (see footnote-definitions.test.tsx) ...
    expect([...container.querySelectorAll('section.footnotes li')].map((item) => item.textContent?.trim())).toEqual([
      'A note.',
    ]);
    // ... and defines no link: `[x]` stays text.
    expect(container.textContent).toContain('[x]');
  });
});

import { Markdown, type MarkdownComponents } from '@rivulet/react';
import { render } from '@testing-library/react';
import { createRef, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';

describe('<Markdown> root and overrides', () => {
  it('forwards its ref to the root, merges className and marks the streaming state', () => {
    const ref = createRef<HTMLDivElement>();
    const { rerender } = render(
      <Markdown ref={ref} className="answer" streaming id="m1">
        {'Hi'}
      </Markdown>,
    );
    expect(ref.current?.className).toBe('rivulet-markdown answer');
    expect(ref.current?.id).toBe('m1');
    expect(ref.current?.getAttribute('data-streaming')).toBe('true');
    rerender(
      <Markdown ref={ref} className="answer">
        {'Hi'}
      </Markdown>,
    );
    expect(ref.current?.getAttribute('data-streaming')).toBe('false');
  });

  it('renders elements through user components, which receive the hast node', () => {
    const seen: string[] = [];
    const components: MarkdownComponents = {
      a: ({ node, children, ...props }) => {
        seen.push(node?.tagName ?? 'none');
        return (
          <a {...props} data-custom="">
            {children}
          </a>
        );
      },
      h1: 'h2',
    };
    for (const streaming of [false, true]) {
      seen.length = 0;
      const { container, unmount } = render(
        <Markdown components={components} streaming={streaming}>
          {'# Heading\n\n[docs](https://example.com)\n'}
        </Markdown>,
      );
      expect(container.querySelector('h1')).toBeNull();
      expect(container.querySelector('h2')?.textContent).toBe('Heading');
      const link = container.querySelector('a[data-custom]');
      expect(link?.getAttribute('href')).toBe('https://example.com');
      expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
      expect(seen).toContain('a');
      unmount();
    }
  });

  it('lets a `pre` override replace code blocks entirely', () => {
    const { container } = render(
      <Markdown components={{ pre: ({ node: _node, ...props }) => <pre {...props} data-mine="" /> }}>
        {'```js\nx\n```'}
      </Markdown>,
    );
    expect(container.querySelector('pre[data-mine] > code.language-js')?.textContent).toBe('x\n');
    expect(container.querySelector('.rivulet-code-block')).toBeNull();
  });

  it('streams the same under StrictMode double rendering', () => {
    const text = '# Title\n\nFirst paragraph.\n\n- one\n- two\n\nLast words here';
    const { container, rerender } = render(
      <StrictMode>
        <Markdown streaming />
      </StrictMode>,
    );
    for (let end = 1; end <= text.length; end += 2) {
      rerender(
        <StrictMode>
          <Markdown streaming>{text.slice(0, end)}</Markdown>
        </StrictMode>,
      );
    }
    rerender(
      <StrictMode>
        <Markdown streaming>{text}</Markdown>
      </StrictMode>,
    );
    expect(container.querySelector('h1')?.textContent).toBe('Title');
    expect([...container.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'First paragraph.',
      'Last words here',
    ]);
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two']);
  });
});

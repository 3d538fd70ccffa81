import { Markdown } from '@rivulet/react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLanguage } from '../../src/markdown/highlighter';
import { openBlockHighlightIntervalMs } from '../../src/markdown/use-code-highlight';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const highlightedSpans = (pre: Element) => pre.querySelectorAll('code span[style]');

describe('code blocks', () => {
  it('keep one <pre> element while the code grows', () => {
    const { container, rerender } = render(
      <Markdown streaming highlight={false}>
        {'```py\nx = 1'}
      </Markdown>,
    );
    const pre = container.querySelector('pre');
    for (const more of ['\ny = 2', '\nz = 3\n', 'for i in x:\n    pass\n']) {
      const text = `${container.querySelector('code')?.textContent ?? ''}${more}`;
      rerender(
        <Markdown streaming highlight={false}>
          {`\`\`\`py\n${text.replace(/\n$/, '')}`}
        </Markdown>,
      );
      expect(container.querySelector('pre')).toBe(pre);
    }
    rerender(
      <Markdown streaming highlight={false}>
        {'```py\nx = 1\ny = 2\nz = 3\n```\n\nAfter the code.'}
      </Markdown>,
    );
    expect(container.querySelector('pre')).toBe(pre);
    expect(container.querySelector('code')?.textContent).toBe('x = 1\ny = 2\nz = 3\n');
  });

  it('render plain code until the grammar is ready, then highlighted spans in the same <pre>', async () => {
    const code = 'const answer = 42;\nfunction f() { return answer; }\n';
    const { container } = render(<Markdown>{`\`\`\`ts\n${code}\`\`\``}</Markdown>);
    const pre = container.querySelector('pre') as HTMLPreElement;
    expect(highlightedSpans(pre)).toHaveLength(0);
    expect(pre.textContent).toBe(code);
    await waitFor(() => expect(highlightedSpans(pre).length).toBeGreaterThan(3), { timeout: 10_000 });
    expect(container.querySelector('pre')).toBe(pre);
    expect(pre.textContent).toBe(code);
    expect(pre.querySelector('code')?.className).toBe('language-ts');
    const keyword = [...highlightedSpans(pre)].find((span) => span.textContent === 'const') as HTMLElement;
    expect(keyword.style.getPropertyValue('--shiki-light')).toMatch(/^#/);
    expect(keyword.style.getPropertyValue('--shiki-dark')).toMatch(/^#/);
    expect(container.querySelector('.rivulet-code-block')?.getAttribute('data-highlighted')).toBe('true');
  }, 15_000);

  it('leave unknown languages as plain text, silently', async () => {
    const errors = vi.spyOn(console, 'error');
    const { container } = render(<Markdown>{'```no-such-language\nsome code\n```'}</Markdown>);
    await act(async () => {
      expect(await loadLanguage('no-such-language')).toBe('unavailable');
    });
    const pre = container.querySelector('pre') as HTMLPreElement;
    expect(highlightedSpans(pre)).toHaveLength(0);
    expect(pre.textContent).toBe('some code\n');
    expect(errors).not.toHaveBeenCalled();
  });

  it('stay plain with highlight={false}', async () => {
    await loadLanguage('ts');
    const { container } = render(<Markdown highlight={false}>{'```ts\nconst a = 1;\n```'}</Markdown>);
    expect(highlightedSpans(container.querySelector('pre') as HTMLPreElement)).toHaveLength(0);
  });

  it('never drop a highlighted line back to plain text while the open fence grows', async () => {
    await loadLanguage('js');
    let text = '```js\nconst first = 1;\n';
    const { container, rerender } = render(<Markdown streaming>{text}</Markdown>);
    const pre = container.querySelector('pre') as HTMLPreElement;
    await waitFor(() => expect(highlightedSpans(pre).length).toBeGreaterThan(0));
    const firstLine = () => pre.querySelector('.line');
    expect(firstLine()?.querySelectorAll('span[style]').length).toBeGreaterThan(0);
    for (let index = 0; index < 20; index += 1) {
      text += `const value${index} = ${index};\n`;
      rerender(<Markdown streaming>{text}</Markdown>);
      // Every render in between keeps the first line highlighted, however fast text arrives.
      expect(firstLine()?.querySelectorAll('span[style]').length).toBeGreaterThan(0);
      expect(pre.textContent).toBe(text.slice('```js\n'.length));
    }
    await waitFor(() => expect(pre.querySelectorAll('.line').length).toBeGreaterThanOrEqual(21), {
      timeout: openBlockHighlightIntervalMs * 20,
    });
    expect(container.querySelector('pre')).toBe(pre);
  });

  it('copy their code with the copy button, which says "Copied" for a moment', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<Markdown highlight={false}>{'```sh\nnpm install rivulet\n```'}</Markdown>);
    const button = screen.getByRole('button', { name: 'Copy code' });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(writeText).toHaveBeenCalledWith('npm install rivulet\n');
    expect(button.textContent).toBe('Copied');
    act(() => {
      vi.advanceTimersByTime(1900);
    });
    expect(button.textContent).toBe('Copied');
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(button.textContent).toBe('Copy code');
  });

  it('take their labels from the labels prop', () => {
    render(
      <Markdown highlight={false} labels={{ copyCode: 'Copier le code' }}>
        {'```\nx\n```'}
      </Markdown>,
    );
    expect(screen.getByRole('button', { name: 'Copier le code' })).toBeTruthy();
  });

  it('highlight outside rendering, then show the cached tokens at once when mounted again', async () => {
    await loadLanguage('ts');
    const markdown = '```ts\nconst cached: boolean = true;\nexport { cached };\n```';
    const first = render(<Markdown>{markdown}</Markdown>);
    const pre = first.container.querySelector('pre') as HTMLPreElement;
    // The grammar is ready, yet the render itself does not tokenize: plain text first.
    expect(highlightedSpans(pre)).toHaveLength(0);
    await waitFor(() => expect(highlightedSpans(pre).length).toBeGreaterThan(3));
    first.unmount();
    const second = render(<Markdown>{markdown}</Markdown>);
    expect(highlightedSpans(second.container.querySelector('pre') as HTMLPreElement).length).toBeGreaterThan(3);
  });
});

import { Markdown } from '@rivulet/react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linesPerChunk } from '../../src/markdown/code-lines';
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

  it('stream plain code in chunks of lines, an update rewriting only the chunk being typed', () => {
    const lines = Array.from({ length: 3 * linesPerChunk + 5 }, (_, index) => `const value${index} = ${index};`);
    const code = `${lines.join('\n')}\n`;
    const markdown = (text: string, streaming: boolean) => (
      <Markdown streaming={streaming} highlight={false}>
        {`Here:\n\n\`\`\`ts\n${text}`}
      </Markdown>
    );
    const { container, rerender } = render(markdown('', true));
    const codeElement = () => container.querySelector('pre code') as HTMLElement;
    // The text of every text node an update rewrote or removed.
    const changed: string[] = [];
    const collect = (records: MutationRecord[]) => {
      for (const record of records) {
        if (record.type === 'characterData') changed.push(record.target.textContent ?? '');
        for (const node of record.removedNodes) changed.push(node.textContent ?? '');
      }
    };
    const observer = new MutationObserver(collect);
    let observing = false;
    for (let end = 7; end < code.length + 7; end += 7) {
      rerender(markdown(code.slice(0, end), true));
      if (!observing && codeElement()) {
        observer.observe(codeElement(), { characterData: true, subtree: true, childList: true });
        observing = true;
      }
    }
    rerender(markdown(`${code}\`\`\`\n\nDone.`, false));
    collect(observer.takeRecords());
    observer.disconnect();

    // No update rewrote more than the lines of one chunk.
    expect(changed.length).toBeGreaterThan(100);
    for (const text of changed) expect(text.split('\n').length).toBeLessThanOrEqual(linesPerChunk + 1);
    const chunks = [...codeElement().querySelectorAll(':scope > .rivulet-code-lines')].map(
      (chunk) => chunk.textContent,
    );
    expect(chunks).toHaveLength(4);
    expect(chunks.join('\n')).toBe(code);
    expect(codeElement().textContent).toBe(code);
  });

  it('cut code into chunks of whole lines, each ending on a line that is not empty', () => {
    // Empty lines where the first chunk would end, a line of spaces where the second would.
    const lines = Array.from({ length: 95 }, (_, index) =>
      [31, 32, 33].includes(index) ? '' : index === 66 ? '   ' : `line ${index}`,
    );
    const code = lines.join('\n');
    const { container } = render(<Markdown highlight={false}>{`\`\`\`txt\n${code}\n\`\`\``}</Markdown>);
    const codeElement = container.querySelector('pre code') as HTMLElement;
    const chunks = [...codeElement.querySelectorAll(':scope > .rivulet-code-lines')].map(
      (chunk) => chunk.textContent ?? '',
    );
    // Lines 0-34 (31-33 empty), 35-66 (66: spaces), then the rest and the newline that ends the code.
    expect(chunks.map((chunk) => chunk.split('\n').length)).toEqual([35, 32, 29]);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.split('\n').length).toBeGreaterThanOrEqual(linesPerChunk);
      expect(chunk.split('\n').at(-1)).not.toBe('');
    }
    expect(chunks.join('\n')).toBe(`${code}\n`);
    expect(codeElement.textContent).toBe(`${code}\n`);
  });
});

import { Markdown } from '@rivulet/react';
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { loadLanguage } from '../../src/markdown/highlighter';
import { highlightedText } from './highlighted-text';

const tokenized = vi.hoisted(() => ({ chars: 0 }));

// Counts the characters every tokenizer is given (jsdom has no Worker: this is the main-thread path).
vi.mock('../../src/markdown/highlight-engine', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/markdown/highlight-engine')>();
  return {
    ...original,
    createHighlightEngine: async (...args: Parameters<typeof original.createHighlightEngine>) => {
      const engine = await original.createHighlightEngine(...args);
      return {
        ...engine,
        tokenizer: (name: string) => {
          const tokenize = engine.tokenizer(name);
          return (code: string, state?: Parameters<typeof tokenize>[1]) => {
            tokenized.chars += code.length;
            return tokenize(code, state);
          };
        },
      };
    },
  };
});

describe('highlighting work', () => {
  it('tokenizes each line of a streamed code block about once, and finishes from there', async () => {
    await loadLanguage('python');
    const lines = Array.from({ length: 30 }, (_, index) => `value_${index} = compute(${index}) + ${index * 7}`);
    const code = `${lines.join('\n')}\n`;
    const longest = Math.max(...lines.map((line) => line.length));
    const view = render(<Markdown streaming>{'```python\n'}</Markdown>);
    const pre = () => view.container.querySelector('pre') as HTMLPreElement;
    tokenized.chars = 0;
    let passes = 0;
    // Pieces that end mid-line, and a highlighting pass after each: the worst case for repeated work.
    for (let end = 45; end < code.length + 45; end += 45) {
      const shown = code.slice(0, end);
      view.rerender(<Markdown streaming>{`\`\`\`python\n${shown}`}</Markdown>);
      await waitFor(() => expect(highlightedText(pre())).toBe(shown.replace(/\n+$/, '')), { timeout: 5000 });
      passes += 1;
    }
    view.rerender(<Markdown>{`\`\`\`python\n${code}\`\`\`\n`}</Markdown>);
    await waitFor(() => expect(highlightedText(pre())).toBe(code.slice(0, -1)));
    // Complete lines once, plus the partial last line of each pass.
    expect(tokenized.chars).toBeLessThanOrEqual(code.length + passes * longest);
    expect(tokenized.chars).toBeGreaterThanOrEqual(code.length - lines.length);
  }, 30_000);
});

/**
 * Whether a formula or code block is in a block that is still streaming ("open") is read from its
 * hast node (`data.openBlock`, set by `markOpenBlock`): by the whole growing block (`Block`) and by
 * the open child of a list, quote or quoted list rendered child by child (`finishTail`). These
 * tests watch what that changes on screen and in the highlighter, while the answer streams and
 * once it has finished with the same text:
 * - a formula that does not parse is pending (source dimmed) while open, an error once final;
 * - a code block's tokens are cached by code and language only once it is final.
 */
import { createChildSplitter } from '@rivulet/core';
import { Markdown } from '@rivulet/react';
import { render, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishedTokens, loadLanguage } from '../../src/markdown/highlighter';
import { loadMath } from '../../src/markdown/math/load-math';
import { highlightedText } from './highlighted-text';

beforeAll(async () => {
  // Loaded up front, so every streamed state is drawn in its own render.
  await loadMath();
  await loadLanguage('python');
});

/** Renders `text` as it streams in, one character at a time, calling `check` after each one. */
function streamIn(text: string, check: (container: HTMLElement, shown: string) => void = () => {}) {
  const view = render(<Markdown streaming>{''}</Markdown>);
  for (let end = 1; end <= text.length; end += 1) {
    view.rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
    check(view.container, text.slice(0, end));
  }
  return view;
}

const splitKind = (text: string) => createChildSplitter().update(text)?.kind;

describe('a formula that does not parse', () => {
  it.each([
    ['in the open last item of a list', '- one\n- two\n- $$\n  \\frac{1}{\n', 'list'],
    ['in the open last child of a quote', '> Intro\n>\n> $$\n> \\frac{1}{\n', 'quote'],
    ['in the open last item of a list in a quote', '> - one\n> - $$\n>   \\frac{1}{\n', 'quote'],
    ['in a top-level display block', 'Intro\n\n$$\n\\frac{1}{\n', undefined],
    ['inline in a top-level paragraph', 'Intro\n\nThe ratio $\\frac{1}{$ here', undefined],
  ])('%s is pending while its block streams, and an error once the answer is finished', (_where, text, kind) => {
    // The container is one a long answer renders child by child (math itself renders it whole).
    expect(splitKind(text)).toBe(kind);
    const { container, rerender } = streamIn(text, (root, prefix) => {
      expect(root.querySelector('[data-state="error"], .katex-error'), JSON.stringify(prefix)).toBeNull();
    });
    const formula = () => container.querySelector('.rivulet-math');
    expect(formula()?.getAttribute('data-state')).toBe('pending');
    expect(formula()?.textContent).toBe('\\frac{1}{');

    rerender(<Markdown>{text}</Markdown>);
    expect(formula()?.getAttribute('data-state')).toBe('error');
    expect(formula()?.textContent).toBe('\\frac{1}{');
    expect(container.querySelector('.katex-error')).toBeNull();
  });
});

/** The `<pre>` holding `code` (a block's code, without the fence or container markers). */
function preOf(container: HTMLElement, code: string): HTMLPreElement {
  const pre = [...container.querySelectorAll('pre')].find((element) => element.textContent === code);
  if (!pre) throw new Error(`no <pre> holds ${JSON.stringify(code)}`);
  return pre;
}

/** Waits until the whole of `code` shows highlighted: its latest highlighting pass has ended. */
async function highlighted(container: HTMLElement, code: string): Promise<void> {
  await waitFor(() => expect(highlightedText(preOf(container, code))).toBe(code.replace(/\n+$/, '')), {
    timeout: 5000,
  });
}

/** A finished code block of `code`, mounted anew, shows cached tokens in its first render. */
function shownHighlightedAtOnce(code: string): boolean {
  const { container, unmount } = render(<Markdown>{`\`\`\`python\n${code}\`\`\`\n`}</Markdown>);
  const shown = container.querySelector('.rivulet-code-block')?.getAttribute('data-highlighted') === 'true';
  unmount();
  return shown;
}

// Each case has code of its own: finished tokens are cached for the whole file.
describe('a code block', () => {
  it.each([
    ['in the open last item of a list', '- one\n- ```python\n  in_item = 1\n  ```\n', 'in_item = 1\n', 'list'],
    [
      'in the open last child of a quote',
      '> Intro\n>\n> ```python\n> in_quote = 2\n> ```\n',
      'in_quote = 2\n',
      'quote',
    ],
    [
      'in the open last item of a list in a quote',
      '> - one\n> - ```python\n>   in_quoted_item = 3\n>   ```\n',
      'in_quoted_item = 3\n',
      'quote',
    ],
    ['that is the growing last block', 'Intro\n\n```python\ntop_level = 4\n```\n', 'top_level = 4\n', undefined],
  ])('%s is open while it streams, and final once the answer is finished', async (_where, text, code, kind) => {
    expect(splitKind(text)).toBe(kind);
    const { container, rerender } = streamIn(text);
    await highlighted(container, code);
    // Its last pass has published its tokens: a final block would have cached them by now.
    expect(finishedTokens(code, 'python')).toBeUndefined();

    rerender(<Markdown>{text}</Markdown>);
    await waitFor(() => expect(finishedTokens(code, 'python')).toBeDefined(), { timeout: 5000 });
    await highlighted(container, code);
    expect(shownHighlightedAtOnce(code)).toBe(true);
  });

  it('in a finished item of a list that still streams is final, in its open last item open', async () => {
    const [first, last] = ['in_first_item = 5\n', 'in_last_item = 6\n'];
    const text = `- \`\`\`python\n  ${first}  \`\`\`\n- \`\`\`python\n  ${last}  \`\`\`\n`;
    expect(createChildSplitter().update(text)?.children).toHaveLength(2);
    const { container } = streamIn(text);
    await highlighted(container, first);
    await highlighted(container, last);
    // Only the open last item is marked: the first item's code is final while the list streams.
    expect(finishedTokens(first, 'python')).toBeDefined();
    expect(finishedTokens(last, 'python')).toBeUndefined();
  });
});

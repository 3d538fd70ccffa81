/**
 * A ```mermaid fence while an answer streams: its code shows (in the one growing `<pre>`) until
 * the author writes the closing fence, then the diagram replaces it and never falls back to code,
 * whatever arrives after it. The same on the fast path (a top-level fence) and through the full
 * parser (a fence in a list item or a quote), and a stopped answer whose fence never closed keeps
 * its code. Mermaid is faked (see `mermaid-fake.ts`).
 */
import { Markdown } from '@rivulet/react';
import { act, render } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDiagramCache } from '../../src/markdown/mermaid/diagram-cache';
import { fakeMermaid } from './mermaid-fake';

vi.mock('mermaid', async () => ({ default: (await import('./mermaid-fake')).fakeMermaid }));

// The lazily loaded chunk, loaded once up front so every test waits the same short time for it.
beforeAll(() => import('../../src/markdown/mermaid/render-diagram'));
beforeEach(() => {
  fakeMermaid.reset();
  clearDiagramCache();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const diagram = (container: HTMLElement) => container.querySelector<HTMLElement>('.rivulet-diagram');
const isDiagramShown = (container: HTMLElement) => {
  const element = diagram(container);
  return element !== null && !element.hidden && element.querySelector('svg') !== null;
};
const isCodeShown = (container: HTMLElement) => {
  const pre = container.querySelector('pre');
  return pre !== null && !pre.hidden;
};

/** Lets the lazy import and the (fake) render settle. */
async function settle() {
  await act(async () => {
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const FENCE = '```';
const topLevel = `Here is the flow:\n\n${FENCE}mermaid\ngraph TD\n  A[Start] --> B{Ready?}\n  B -->|yes| C[Ship]\n${FENCE}\n\nAnd a paragraph after the diagram, with **bold** text.\n`;
const inList = `1. First step:\n\n   ${FENCE}mermaid\n   graph LR\n     A --> B\n   ${FENCE}\n2. Second step, still in the list.\n`;
const inQuote = `> ${FENCE}mermaid\n> sequenceDiagram\n>   Alice->>Bob: Hello\n> ${FENCE}\n\nAfter the quote.\n`;

/** Offset just past the closing fence line (its newline included) of the mermaid fence. */
function closingLineEnd(text: string): number {
  const opening = text.indexOf(`${FENCE}mermaid`);
  const closer = text.indexOf(FENCE, opening + 3);
  return text.indexOf('\n', closer) + 1;
}

describe.each([
  ['a top-level fence (fast path)', topLevel],
  ['a fence in a list item (full parser)', inList],
  ['a fence in a quote (full parser)', inQuote],
])('a mermaid diagram in %s', (_name, text) => {
  it('shows the code while the fence is open, the diagram once it is closed, and never the code again', async () => {
    const closed = closingLineEnd(text);
    const { container, rerender } = render(<Markdown streaming>{text.slice(0, 1)}</Markdown>);
    let pre: HTMLPreElement | null = null;
    for (let end = 2; end < closed - 1; end += 1) {
      rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
      await settle();
      const source = text.slice(0, end);
      expect(isDiagramShown(container), JSON.stringify(source)).toBe(false);
      if (source.includes(`${FENCE}mermaid\n`)) {
        expect(isCodeShown(container), JSON.stringify(source)).toBe(true);
        pre ??= container.querySelector('pre');
        expect(container.querySelector('pre')).toBe(pre);
      }
    }
    expect(pre).not.toBeNull();
    expect(fakeMermaid.render).not.toHaveBeenCalled();

    rerender(<Markdown streaming>{text.slice(0, closed)}</Markdown>);
    await settle();
    expect(isDiagramShown(container)).toBe(true);
    expect(isCodeShown(container)).toBe(false);
    // The code's <pre> is still the same element, kept (hidden) for the "Show code" toggle.
    expect(container.querySelector('pre')).toBe(pre);

    // Every later flush, checked before anything asynchronous can run: the diagram stays.
    for (let end = closed + 1; end <= text.length; end += 1) {
      rerender(<Markdown streaming>{text.slice(0, end)}</Markdown>);
      expect(isDiagramShown(container), JSON.stringify(text.slice(0, end))).toBe(true);
    }
    rerender(<Markdown>{text}</Markdown>);
    expect(isDiagramShown(container)).toBe(true);
    await settle();
    expect(isDiagramShown(container)).toBe(true);
    expect(fakeMermaid.render).toHaveBeenCalledTimes(1);
  });

  it('keeps the code of a stopped answer with footnotes (rendered in one pass) whose fence never closed', async () => {
    const stopped = `Flow[^1]:\n\n[^1]: The release.\n\n${text.slice(0, closingLineEnd(text) - 8)}`;
    const { container } = render(
      <Markdown streaming={false} incomplete>
        {stopped}
      </Markdown>,
    );
    await settle();
    expect(container.querySelector('.footnotes')).not.toBeNull();
    expect(isCodeShown(container)).toBe(true);
    expect(diagram(container)).toBeNull();
    expect(fakeMermaid.render).not.toHaveBeenCalled();
  });

  it('keeps the code of a stopped answer whose fence never closed', async () => {
    const stopped = text.slice(0, closingLineEnd(text) - 8);
    const { container } = render(
      <Markdown streaming={false} incomplete>
        {stopped}
      </Markdown>,
    );
    await settle();
    expect(isCodeShown(container)).toBe(true);
    expect(diagram(container)).toBeNull();
    expect(fakeMermaid.render).not.toHaveBeenCalled();
  });
});

describe('mermaid diagrams', () => {
  it('are configured strict, without start on load and without error pictures', async () => {
    render(<Markdown>{topLevel}</Markdown>);
    await settle();
    expect(fakeMermaid.config()).toMatchObject({
      securityLevel: 'strict',
      startOnLoad: false,
      suppressErrorRendering: true,
    });
  });

  it('show at once, in their first render, when the block mounts again', async () => {
    const first = render(<Markdown>{topLevel}</Markdown>);
    await settle();
    expect(isDiagramShown(first.container)).toBe(true);
    first.unmount();
    const second = render(<Markdown>{topLevel}</Markdown>);
    expect(isDiagramShown(second.container)).toBe(true);
    expect(isCodeShown(second.container)).toBe(false);
    expect(fakeMermaid.render).toHaveBeenCalledTimes(1);
  });

  it('stay plain code blocks with mermaid={false}', async () => {
    const { container } = render(<Markdown mermaid={false}>{topLevel}</Markdown>);
    await settle();
    expect(isCodeShown(container)).toBe(true);
    expect(diagram(container)).toBeNull();
    expect(container.querySelector('.rivulet-code-block')?.hasAttribute('data-diagram')).toBe(false);
    expect(fakeMermaid.initialize).not.toHaveBeenCalled();
    expect(fakeMermaid.render).not.toHaveBeenCalled();
  });

  it('leave fences of other languages alone', async () => {
    const { container } = render(<Markdown>{`${FENCE}ts\nconst graph = 'TD';\n${FENCE}\n`}</Markdown>);
    await settle();
    expect(isCodeShown(container)).toBe(true);
    expect(fakeMermaid.render).not.toHaveBeenCalled();
  });
});

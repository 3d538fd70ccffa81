/**
 * A stand-in for the `mermaid` module in jsdom (which cannot lay out real diagrams): it records
 * how it was configured and what it drew, draws a small SVG naming the theme and the code, and
 * fails on code containing "syntax error" the way mermaid does (parse throws; a render of it
 * leaves its temporary element in `document.body` and throws), and on "draw error" only when
 * drawing (parse passes). `svgFor` lets a test hand back
 * any markup, such as a malicious SVG; `holdRenders` keeps renders pending until released.
 *
 * Use it with: vi.mock('mermaid', async () => ({ default: (await import('./mermaid-fake')).fakeMermaid }));
 */
import { vi } from 'vitest';

export interface FakeConfig {
  theme?: string;
  securityLevel?: string;
  startOnLoad?: boolean;
  suppressErrorRendering?: boolean;
}

let config: FakeConfig = {};
/** While set, renders wait for it (see `holdRenders`); `open` releases them. */
let gate: Promise<void> | undefined;
let open = () => {};

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const fakeMermaid = {
  /** Markup to return instead of the default drawing, by code (without its final newline). */
  svgFor: new Map<string, string>(),
  initialize: vi.fn((next: FakeConfig) => {
    config = next;
  }),
  parse: vi.fn(async (code: string) => {
    if (code.includes('syntax error')) throw new Error('Parse error on line 2: syntax error');
    return { diagramType: 'flowchart' };
  }),
  render: vi.fn(async (id: string, code: string) => {
    await gate;
    if (code.includes('syntax error') || code.includes('draw error')) {
      const leftover = document.createElement('div');
      leftover.id = `d${id}`;
      leftover.innerHTML = `<svg id="${id}" aria-roledescription="error"><text>Syntax error in text</text></svg>`;
      document.body.append(leftover);
      throw new Error('Parse error on line 2: syntax error');
    }
    const svg =
      fakeMermaid.svgFor.get(code.trimEnd()) ??
      `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" data-theme="${config.theme}"><g><text>${escapeText(code)}</text></g></svg>`;
    return { svg, diagramType: 'flowchart' };
  }),
  /** Makes renders wait until the returned function is called. */
  holdRenders(): () => void {
    gate = new Promise((resolve) => {
      open = () => {
        gate = undefined;
        resolve();
      };
    });
    return open;
  },
  /** The configuration of the latest `initialize` call. */
  config: () => config,
  reset() {
    config = {};
    // Held renders go on, so a test that failed while holding them does not block the next ones.
    open();
    fakeMermaid.svgFor.clear();
    fakeMermaid.initialize.mockClear();
    fakeMermaid.parse.mockClear();
    fakeMermaid.render.mockClear();
  },
};

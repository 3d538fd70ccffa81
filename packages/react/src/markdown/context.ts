/**
 * Contexts shared by the parts of one `<Markdown>`: the root's settings, and whether the block
 * being rendered is still growing (the streaming tail).
 */

import { createContext } from 'react';

/** Visible strings of `<Markdown>`, all overridable through its `labels` prop. */
export interface MarkdownLabels {
  /** Label of a code block's copy button. Default "Copy code". */
  copyCode: string;
  /** Shown on the copy button for a moment after copying. Default "Copied". */
  copied: string;
  /** Accessible name of a rendered Mermaid diagram (its `accTitle` is added when it has one). Default "Diagram". */
  diagram?: string | undefined;
  /** The quiet note under a Mermaid diagram's code when it cannot be drawn. Default "Diagram could not be rendered". */
  diagramError?: string | undefined;
  /** Button that shows a rendered diagram's source. Default "Show code". */
  showCode?: string | undefined;
  /** Button that shows the diagram again. Default "Show diagram". */
  showDiagram?: string | undefined;
}

export const defaultMarkdownLabels: Required<{ [Key in keyof MarkdownLabels]: string }> = {
  copyCode: 'Copy code',
  copied: 'Copied',
  diagram: 'Diagram',
  diagramError: 'Diagram could not be rendered',
  showCode: 'Show code',
  showDiagram: 'Show diagram',
};

/**
 * Which code blocks get highlighted: those near the viewport (`'visible'`), all of them (`'all'`),
 * or none (`false`). See `MarkdownProps.highlight`.
 */
export type HighlightMode = 'visible' | 'all' | false;

export interface MarkdownSettings {
  highlight: HighlightMode;
  /** Render `$…$`, `$$…$$`, `\\(…\\)` and `\\[…\\]` with KaTeX (loaded on first use). */
  math: boolean;
  /** Render closed ```` ```mermaid ```` fences as diagrams (mermaid loaded on first use). */
  mermaid: boolean;
  labels: MarkdownLabels;
}

export const MarkdownSettingsContext = createContext<MarkdownSettings>({
  highlight: 'visible',
  math: true,
  mermaid: true,
  labels: defaultMarkdownLabels,
});

/** True inside the block that is still streaming (its code fence may still grow). */
export const OpenBlockContext = createContext(false);

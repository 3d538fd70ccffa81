/**
 * Contexts shared by the parts of one `<Markdown>`: the root's settings, and whether the block
 * being rendered is still growing (the streaming tail).
 */

import { createContext } from 'react';
import { defaultMarkdownLabels, type MarkdownLabels } from './labels';

export { defaultMarkdownLabels, type MarkdownLabels };

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

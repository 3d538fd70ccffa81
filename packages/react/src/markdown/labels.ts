/** The visible strings of `<Markdown>` and their defaults (no React: the server entry reads them too). */

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

/**
 * A rendered diagram inside its code block's box: the sanitized SVG in a `role="img"` container
 * named after the diagram (its `accTitle`, when the source gives one), and the quiet note that
 * replaces it when the source cannot be drawn. The container keeps at least the height the code
 * had when the diagram replaced it, so the text below does not jump up at the swap.
 */

import { memo } from 'react';

/** The diagram's accessible name: the label, and the source's `accTitle` when it has one. */
export function diagramName(code: string, label: string): string {
  const title = /^[ \t]*accTitle[ \t]*:[ \t]*(.+?)[ \t]*$/m.exec(code)?.[1];
  return title ? `${label}: ${title}` : label;
}

export interface DiagramProps {
  /** Sanitized SVG markup (see `sanitize-svg.ts`). */
  svg: string;
  name: string;
  hidden: boolean;
  /** Height of the code it replaced, in pixels. */
  minHeight: number | undefined;
}

/** The SVG is inserted once per markup: re-renders with the same props leave the DOM alone. */
export const Diagram = memo(function Diagram({ svg, name, hidden, minHeight }: DiagramProps) {
  return (
    <div
      className="rivulet-diagram"
      role="img"
      aria-label={name}
      hidden={hidden}
      style={minHeight ? { minHeight } : undefined}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: mermaid's SVG, sanitized by sanitizeSvg before it is cached.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
});

export function DiagramNote({ label, detail }: { label: string; detail: string }) {
  return (
    <p className="rivulet-diagram-note" title={detail}>
      {label}
    </p>
  );
}

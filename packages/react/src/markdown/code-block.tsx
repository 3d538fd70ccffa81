/**
 * A fenced code block: a toolbar (language, copy button) above one `<pre><code>` that stays the
 * same element while the code streams in and only grows. Plain text until the grammar is
 * ready, then highlighted spans inside the same `<pre><code>` box (same font, line height and
 * padding), so highlighting swaps in without moving anything. The toolbar sits above the code,
 * so the copy button does not move as the code grows.
 *
 * A ```` ```mermaid ```` block (with `mermaid` on) is the same box: its code streams in like any
 * other, and once the author closes the fence (not when repair closes it at the tail, see
 * `open-fence.ts`) the diagram replaces the `<pre>`, which stays in the box, hidden, behind a
 * "Show code" toggle. A diagram that cannot be drawn leaves the code with a quiet note.
 */

import type { Element } from 'hast';
import { type ComponentPropsWithoutRef, useContext, useRef, useState } from 'react';
import { TypingCursor } from '../typing-cursor';
import { useIsomorphicLayoutEffect } from '../use-stream';
import { CodeLines } from './code-lines';
import { codeElementOf, languageOf } from './code-source';
import { defaultMarkdownLabels, MarkdownSettingsContext } from './context';
import { CopyButton } from './copy-button';
import { codeBaseStyle } from './highlighter';
import { Diagram, DiagramNote, diagramName } from './mermaid/diagram';
import { useDiagram } from './mermaid/use-diagram';
import { isInOpenBlock, isOpenFence } from './open-fence';
import { hasCursorChild, hastText } from './render-hast';
import { useCodeHighlight } from './use-code-highlight';
import { useNearViewport } from './use-near-viewport';

export interface CodeBlockProps extends ComponentPropsWithoutRef<'pre'> {
  /** The hast `<pre>` element, passed by the renderer. */
  node?: Element | undefined;
}

/** The default renderer of `<pre>` in `<Markdown>`. */
export function CodeBlock({ node, children, ...props }: CodeBlockProps) {
  const settings = useContext(MarkdownSettingsContext);
  const open = isInOpenBlock(node);
  const labels = settings.labels;
  const codeElement = codeElementOf(node);
  const lang = languageOf(codeElement);
  const code = codeElement ? hastText(codeElement) : '';
  const withCursor = codeElement ? hasCursorChild(codeElement) : false;
  const enabled = settings.highlight !== false && lang !== '';
  const box = useRef<HTMLDivElement>(null);
  const pre = useRef<HTMLPreElement>(null);
  const near = useNearViewport(box, enabled && settings.highlight === 'visible');
  const lines = useCodeHighlight(code, lang, { enabled, open, start: near });

  const isDiagram = settings.mermaid && lang === 'mermaid';
  const diagram = useDiagram(box, code, { enabled: isDiagram, closed: !isOpenFence(node) });
  const [showSource, setShowSource] = useState(false);
  const showDiagram = diagram.svg !== undefined && !showSource;
  // The code's height while it is on screen, kept as the diagram's minimum height at the swap.
  const codeHeight = useRef<number | undefined>(undefined);
  useIsomorphicLayoutEffect(() => {
    if (isDiagram && !showDiagram && pre.current) codeHeight.current = pre.current.offsetHeight || undefined;
  });

  if (!codeElement) return <pre {...props}>{children}</pre>;
  // The cursor goes after the last character of code, before the newline that ends it.
  const trailingNewline = withCursor && code.endsWith('\n');
  const body = trailingNewline ? code.slice(0, -1) : code;
  const diagramState = !isDiagram ? undefined : diagram.svg ? 'rendered' : diagram.error ? 'failed' : 'code';
  return (
    <div
      ref={box}
      className="rivulet-code-block"
      data-language={lang || undefined}
      data-highlighted={lines ? 'true' : 'false'}
      data-diagram={diagramState}
    >
      <div className="rivulet-code-toolbar">
        <span className="rivulet-code-language">{lang}</span>
        {diagram.svg !== undefined ? (
          <button
            type="button"
            className="rivulet-diagram-toggle"
            aria-pressed={showSource}
            onClick={() => setShowSource((shown) => !shown)}
          >
            {showSource
              ? (labels.showDiagram ?? defaultMarkdownLabels.showDiagram)
              : (labels.showCode ?? defaultMarkdownLabels.showCode)}
          </button>
        ) : null}
        <CopyButton text={code} label={labels.copyCode} copiedLabel={labels.copied} />
      </div>
      {diagram.svg !== undefined ? (
        <Diagram
          svg={diagram.svg}
          name={diagramName(code, labels.diagram ?? defaultMarkdownLabels.diagram)}
          hidden={!showDiagram}
          minHeight={codeHeight.current}
        />
      ) : null}
      <pre {...props} ref={pre} hidden={showDiagram || undefined}>
        <code className={lang ? `language-${lang}` : undefined}>
          <CodeLines code={body} lines={lines} base={codeBaseStyle()} end={withCursor ? <TypingCursor /> : null} />
          {trailingNewline ? '\n' : null}
        </code>
      </pre>
      {diagram.error !== undefined ? (
        <DiagramNote label={labels.diagramError ?? defaultMarkdownLabels.diagramError} detail={diagram.error} />
      ) : null}
    </div>
  );
}

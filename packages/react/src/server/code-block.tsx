/**
 * A finished fenced code block rendered on the server: the markup the client's `CodeBlock` shows
 * for the same block once it has highlighted it (toolbar with the language and the copy button,
 * one `<pre><code>` with the highlighted lines), with the tokens computed before rendering. The
 * copy button is the client's own component, so it works once the page has loaded.
 */

import type { Element } from 'hast';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { CodeLines } from '../markdown/code-lines';
import { codeElementOf, languageOf } from '../markdown/code-source';
import { CopyButton } from '../markdown/copy-button';
import type { MarkdownLabels } from '../markdown/labels';
import { hastText } from '../markdown/render-hast';
import type { HighlightedLines } from './highlight';

export interface ServerCodeBlockProps extends ComponentPropsWithoutRef<'pre'> {
  node?: Element | undefined;
  /** The block's tokens, highlighted ahead of rendering; `undefined` renders plain code. */
  highlighted: HighlightedLines | undefined;
  labels: MarkdownLabels;
  /** Mermaid fences are marked as diagrams shown as code (diagrams are drawn in the browser only). */
  mermaid: boolean;
}

export function ServerCodeBlock({
  node,
  children,
  highlighted,
  labels,
  mermaid,
  ...props
}: ServerCodeBlockProps): ReactNode {
  const codeElement = codeElementOf(node);
  if (!codeElement) return <pre {...props}>{children}</pre>;
  const lang = languageOf(codeElement);
  const code = hastText(codeElement);
  return (
    <div
      className="rivulet-code-block"
      data-language={lang || undefined}
      data-highlighted={highlighted ? 'true' : 'false'}
      data-diagram={mermaid && lang === 'mermaid' ? 'code' : undefined}
    >
      <div className="rivulet-code-toolbar">
        <span className="rivulet-code-language">{lang}</span>
        <CopyButton text={code} label={labels.copyCode} copiedLabel={labels.copied} />
      </div>
      <pre {...props}>
        <code className={lang ? `language-${lang}` : undefined}>
          <CodeLines code={code} lines={highlighted?.lines} base={highlighted?.base} />
        </code>
      </pre>
    </div>
  );
}

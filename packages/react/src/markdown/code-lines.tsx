/**
 * The lines of a highlighted code block: shiki's tokens inside the `<code>` of the block, one
 * `span.line` per line. Shared by the client's `CodeBlock` and the server's, so a block
 * highlighted on the server is the markup the client shows once it has highlighted the same code.
 * No hooks: it renders in React Server Components too.
 */

import { type CSSProperties, memo, type ReactNode } from 'react';
import type { CodeStyle, TokenLine, TokenLines } from './code-tokens';

function tokensText(tokens: TokenLine): string {
  let text = '';
  for (const token of tokens) text += token.content;
  return text;
}

interface LineProps {
  text: string;
  tokens: TokenLine | undefined;
  base: CodeStyle | undefined;
}

/**
 * One line: its highlighted tokens while they still match the text, then the rest as plain text.
 * A fully highlighted line carries the base style itself, so its tokens in the base colour are
 * bare text; a line with plain text after its tokens gives every token its own style instead, so
 * that text stays plain.
 */
const Line = memo(function Line({ text, tokens, base }: LineProps) {
  const highlighted = tokens ? tokensText(tokens) : '';
  if (!tokens || !text.startsWith(highlighted)) return <span className="line">{text}</span>;
  const rest = text.slice(highlighted.length);
  const lineStyle = rest === '' ? base : undefined;
  return (
    <span className="line" style={lineStyle as CSSProperties | undefined}>
      {tokens.map((token, index) =>
        lineStyle && !token.htmlStyle ? (
          token.content
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: tokens of a line are positional.
          <span key={index} style={(token.htmlStyle ?? base) as CSSProperties | undefined}>
            {token.content}
          </span>
        ),
      )}
      {rest}
    </span>
  );
});

export interface HighlightedCodeProps {
  code: string;
  lines: TokenLines;
  /** The themes' default colours (see `CodeToken`). */
  base: CodeStyle | undefined;
}

/** `code` as highlighted lines separated by newlines. */
export function HighlightedCode({ code, lines, base }: HighlightedCodeProps): ReactNode {
  const textLines = code.split('\n');
  const out: ReactNode[] = [];
  textLines.forEach((text, index) => {
    if (index > 0) out.push('\n');
    // biome-ignore lint/suspicious/noArrayIndexKey: lines only ever get appended.
    out.push(<Line key={index} text={text} tokens={lines[index]} base={base} />);
  });
  return out;
}

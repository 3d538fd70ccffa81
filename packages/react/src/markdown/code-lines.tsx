/**
 * The text of a code block inside its `<code>`: in chunks of lines (`CodeLines`), plain or, once
 * highlighted, shiki's tokens in one `span.line` per line. Shared by the client's `CodeBlock` and
 * the server's, so a block rendered on the server is the markup the client shows for the same
 * code. No hooks: it renders in React Server Components too.
 */

import { type CSSProperties, Fragment, memo, type ReactNode } from 'react';
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

/** Lines of code per chunk, at least (see `CodeLines`). */
export const linesPerChunk = 32;

interface ChunkProps {
  /** The chunk's lines, separated by newlines. */
  text: string;
  /** Their token lines (`undefined`: plain text). */
  tokens: TokenLines | undefined;
  base: CodeStyle | undefined;
  /** Shown after the chunk's last character: the typing cursor. */
  end: ReactNode;
}

/** `text`'s lines, highlighted, separated by newlines. */
function highlightedLines(text: string, tokens: TokenLines, base: CodeStyle | undefined): ReactNode[] {
  const out: ReactNode[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) out.push('\n');
    // biome-ignore lint/suspicious/noArrayIndexKey: lines only ever get appended.
    out.push(<Line key={index} text={line} tokens={tokens[index]} base={base} />);
  });
  return out;
}

/** The chunk shows what it showed: a flush that does not reach it leaves it alone. */
function sameChunk(before: ChunkProps, after: ChunkProps): boolean {
  const { tokens } = after;
  return (
    before.text === after.text &&
    before.base === after.base &&
    before.end === after.end &&
    (before.tokens === tokens ||
      (tokens !== undefined &&
        before.tokens?.length === tokens.length &&
        before.tokens.every((line, index) => line === tokens[index])))
  );
}

const Chunk = memo(function Chunk({ text, tokens, base, end }: ChunkProps) {
  return (
    <span className="rivulet-code-lines">
      {tokens ? highlightedLines(text, tokens, base) : text}
      {end}
    </span>
  );
}, sameChunk);

export interface CodeLinesProps {
  code: string;
  /** Token lines, or `undefined` while the code is plain text. */
  lines: TokenLines | undefined;
  /** The themes' default colours (see `CodeToken`). */
  base: CodeStyle | undefined;
  /** Shown after the code's last character: the typing cursor. */
  end?: ReactNode;
}

/**
 * The text of a code block, plain or highlighted, in chunks of lines: one `span` per chunk of at
 * least `linesPerChunk` lines (an inline block, see `markdown.css`), newlines between them.
 *
 * A browser lays out and shapes the text of a block element as one piece, so code held in one
 * piece costs every flush in proportion to all of it, however little was added, and leaves the
 * garbage of every line laid out again, collected in pauses of 20-30 ms (`pnpm bench`, a 30 KB
 * block streamed at 1,000 deltas/s: 9.8 ms of work a frame, 45 of 476 frames dropped; in chunks,
 * 1.6 ms and none). In chunks, a flush lays out the chunk being typed and places the others as
 * they were. A chunk ends after a line that is not empty: the last line of an inline block takes
 * no height when it is empty. Chunks end at complete lines only, so a finished chunk never changes
 * while the code grows. The text and its newlines are the code's own, so it is drawn, selected and
 * copied as one piece would be.
 */
export function CodeLines({ code, lines, base, end = null }: CodeLinesProps): ReactNode {
  const out: ReactNode[] = [];
  // The open chunk: its offset in the code and its first line; then the line being scanned.
  let start = 0;
  let first = 0;
  let lineStart = 0;
  let line = 0;
  for (let newline = code.indexOf('\n'); newline !== -1; newline = code.indexOf('\n', newline + 1)) {
    const empty = newline === lineStart;
    line += 1;
    lineStart = newline + 1;
    if (line - first < linesPerChunk || empty) continue;
    out.push(
      <Chunk key={first} text={code.slice(start, newline)} tokens={lines?.slice(first, line)} base={base} end={null} />,
      '\n',
    );
    start = newline + 1;
    first = line;
  }
  const rest = code.slice(start);
  if (rest !== '') {
    out.push(<Chunk key={first} text={rest} tokens={lines?.slice(first)} base={base} end={end} />);
  } else if (end !== null) {
    out.push(<Fragment key="end">{end}</Fragment>);
  }
  return out;
}

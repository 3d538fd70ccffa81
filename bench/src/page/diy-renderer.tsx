/**
 * The do-it-yourself stack many apps build before reaching for a library: the streamed text repaired
 * with remend (streamdown's repair, as its own package), cut into top-level blocks with marked's
 * lexer, each block rendered by react-markdown + remark-gfm inside a memoized component, so a block
 * whose source did not change is not rendered again (the "memoized markdown" recipe).
 */
import { Lexer } from 'marked';
import { memo, useMemo } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remend from 'remend';

const gfm = [remarkGfm];

const MemoizedBlock = memo(function MemoizedBlock({ source }: { source: string }) {
  return <ReactMarkdown remarkPlugins={gfm}>{source}</ReactMarkdown>;
});

export function DiyMarkdown({ text, streaming }: { text: string; streaming: boolean }) {
  const blocks = useMemo(() => Lexer.lex(streaming ? remend(text) : text).map((token) => token.raw), [text, streaming]);
  return (
    <div>
      {blocks.map((source, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks are only appended while streaming
        <MemoizedBlock key={index} source={source} />
      ))}
    </div>
  );
}

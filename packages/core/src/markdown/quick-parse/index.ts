/**
 * A quick parser for the Markdown LLMs write most: the subset of CommonMark + GFM that needs no
 * document-wide context (no definitions or footnote definitions, HTML, entities, `www.` or e-mail
 * links) and no ambiguous block rules (lazy lines, setext headings, indented code, tabs). It returns the same
 * mdast as `remark-parse` + `remark-gfm` (positions aside) in a fraction of the time, or
 * `undefined` as soon as the text leaves the subset, so the caller parses it fully instead.
 *
 * It parses the blocks of a streamed answer: the growing last block is parsed again on every
 * flush, and there micromark's per-parse setup and per-character cost were most of a flush. The
 * equivalence with remark is checked over every flush of the bench answers, the CommonMark spec
 * examples, the GFM spec's extension examples and generated Markdown
 * (`test/markdown/quick-parse*.test.ts`); a document rendered whole (never streamed) still goes
 * through remark. Its syntax rules are those of `line-syntax.ts` and `inline-syntax.ts`, which the
 * splitter and repair read too.
 */

import type { Root } from 'mdast';
import { parseBlocks } from './blocks';
import { UnsupportedMarkdown } from './unsupported';

/**
 * Characters whose rules the quick parser does not follow anywhere in the text, and definitions
 * (`[label]: url`, `[^note]: text`), which give meaning to text elsewhere. Without a definition in
 * the text, a footnote call (`[^1]`) is literal text to remark-gfm too.
 */
const outsideSubset = /[\t\r\0]|\]:/;

/**
 * The mdast of `markdown` as remark-parse + remark-gfm (with remark-cjk-friendly's emphasis next to
 * CJK text) give it, positions aside; `undefined` when the text leaves the quick parser's subset, so
 * the caller parses it with remark instead.
 *
 * @example
 * quickParse('# Hi *there*'); // { type: 'root', children: [{ type: 'heading', depth: 1, children: [...] }] }
 * quickParse('[a]: /url'); // undefined (definitions need the whole document)
 */
export function quickParse(markdown: string): Root | undefined {
  if (outsideSubset.test(markdown)) return undefined;
  try {
    return { type: 'root', children: parseBlocks(markdown.split('\n')).map((block) => block.node) };
  } catch (error) {
    if (error instanceof UnsupportedMarkdown) return undefined;
    throw error;
  }
}

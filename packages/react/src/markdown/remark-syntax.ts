/**
 * The Markdown syntax `<Markdown>` parses, as one parse-only unified plugin: GFM (tables, task
 * lists, strikethrough, autolink literals, footnotes) and CJK-friendly emphasis and strikethrough.
 *
 * Parse-only on purpose: `remark-gfm` and the default exports of the CJK plugins also register
 * their Markdown serializers (`mdast-util-to-markdown` and its extensions, ~10 kB gzipped), and
 * Rivulet never turns a tree back into Markdown. A new syntax extension belongs here the same
 * way: its micromark extension and its `fromMarkdown` extension, never its `toMarkdown` one.
 */

import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough/parseOnly';
import type { Processor } from 'unified';

/** GFM, parse side only (what `remark-gfm` registers, minus `gfmToMarkdown`). */
function remarkGfmParse(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfm()];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmFromMarkdown()];
}

/** Every syntax extension of the pipeline, in the order they must be added (GFM before CJK). */
export function remarkSyntax(this: Processor): void {
  remarkGfmParse.call(this);
  remarkCjkFriendly.call(this);
  remarkCjkFriendlyGfmStrikethrough.call(this);
}

/**
 * The Markdown syntax `<Markdown>` parses: GFM (tables, task lists, strikethrough, autolink
 * literals, footnotes) and CJK-friendly emphasis and strikethrough, as the micromark and
 * mdast-util-from-markdown extensions `remark-gfm` and `remark-cjk-friendly` register.
 *
 * Parse side only, on purpose: those plugins also register their Markdown serializers
 * (`mdast-util-to-markdown` and its extensions, ~10 kB gzipped), and Rivulet never turns a tree
 * back into Markdown. A new syntax extension belongs here the same way: its micromark extension
 * and its `fromMarkdown` extension, never its `toMarkdown` one.
 */

import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import { gfm } from 'micromark-extension-gfm';
import type { Extension as MicromarkExtension } from 'micromark-util-types';

/** The extensions of one parser: micromark's syntax, and how its tokens become mdast. */
export interface SyntaxExtensions {
  readonly extensions: MicromarkExtension[];
  readonly mdastExtensions: FromMarkdownExtension[];
}

/** Every syntax extension of the pipeline, in the order they must be added (GFM before CJK). */
export function markdownSyntax(): SyntaxExtensions {
  return {
    extensions: [gfm(), cjkFriendlyExtension(), gfmStrikethroughCjkFriendly()],
    mdastExtensions: gfmFromMarkdown(),
  };
}

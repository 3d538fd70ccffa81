/**
 * `<Markdown>` for React Server Components: renders a finished Markdown text on the server, with
 * no client JavaScript of its own. It is an async component: code blocks are highlighted with
 * shiki before the markup is produced, and math is drawn with KaTeX, both loaded on first use.
 *
 * The text goes through the client's pipeline (`markdown/pipeline.ts`: the same parser, sanitizer
 * and URL policy), and the markup is the client's: with `highlight={false}` it equals the client's
 * static render of the same text, and with highlighting it equals what the client shows once its
 * code blocks are highlighted and its math is drawn.
 */

import { normalizeMath } from '@rivulet/core';
import type { Element, Root } from 'hast';
import type { Components } from 'hast-util-to-jsx-runtime';
import type { ComponentPropsWithoutRef, HTMLAttributes, ReactNode } from 'react';
import { codeElementOf, languageOf } from '../markdown/code-source';
import { defaultCodeTheme } from '../markdown/code-themes';
import type { CodeThemeNames } from '../markdown/highlight-config';
import { defaultMarkdownLabels, type MarkdownLabels } from '../markdown/labels';
import type { MarkdownComponentExtraProps, MarkdownComponents } from '../markdown/markdown';
import { FormulaMarkup } from '../markdown/math/formula-markup';
import { loadedMath, loadMath } from '../markdown/math/load-math';
import { mathTagName } from '../markdown/math/math-elements';
import { mayHaveMath } from '../markdown/math/may-have-math';
import { getProcessor, markdownToHast } from '../markdown/pipeline';
import { hastText, hastToReact } from '../markdown/render-hast';
import { ScrollableTable } from '../markdown/scrollable-table';
import { ServerCodeBlock, type ServerCodeBlockProps } from './code-block';
import { highlightOnServer } from './highlight';

export interface ServerMarkdownProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The finished Markdown text. */
  children?: string | null | undefined;
  /** Element overrides, as for the client's `<Markdown>` (server or client components). */
  components?: MarkdownComponents | undefined;
  /** Link URL prefixes allowed besides `http:`, `https:`, `mailto:` and relative URLs (e.g. `tel:`). */
  allowedLinkPrefixes?: readonly string[] | undefined;
  /** Image URL prefixes allowed besides `http:`, `https:` and relative URLs (e.g. `data:image/png;`). */
  allowedImagePrefixes?: readonly string[] | undefined;
  /** Highlight fenced code with shiki on the server. Default `true`; `false` leaves code plain. */
  highlight?: boolean | undefined;
  /**
   * The shiki themes code is coloured with, as `configureHighlighting({ theme })` sets them for the
   * client (which the server cannot read: pass the same names to both). Default
   * `{ light: 'github-light-default', dark: 'github-dark-default' }`; an unknown name falls back with a warning.
   */
  theme?: Partial<CodeThemeNames> | undefined;
  /** Draw `$…$`, `$$…$$`, `\\(…\\)` and `\\[…\\]` with KaTeX on the server. Default `true`. */
  math?: boolean | undefined;
  /** Mark ```` ```mermaid ```` blocks as diagrams, as the client does. They stay code: diagrams need a browser. */
  mermaid?: boolean | undefined;
  /** Visible strings (copy button). */
  labels?: Partial<MarkdownLabels> | undefined;
}

/** The `<pre>` elements of `tree`, each with its `<code>` text and language ('' if none). */
function codeBlocksOf(tree: Root): { pre: Element; code: string; lang: string }[] {
  const found: { pre: Element; code: string; lang: string }[] = [];
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'pre') {
        const code = codeElementOf(child);
        if (code) found.push({ pre: child, code: hastText(code), lang: languageOf(code) });
      } else visit(child);
    }
  };
  visit(tree);
  return found;
}

/** What each `<pre>` of the tree being rendered needs, prepared before rendering (trees are per render). */
const preparedBlocks = new WeakMap<Element, Omit<ServerCodeBlockProps, 'node'>>();

/** The `pre` override: a code block with the tokens prepared for its node. */
function Pre({ node, ...props }: ComponentPropsWithoutRef<'pre'> & MarkdownComponentExtraProps) {
  const prepared = node ? preparedBlocks.get(node) : undefined;
  return (
    <ServerCodeBlock
      {...props}
      node={node}
      highlighted={prepared?.highlighted}
      labels={prepared?.labels ?? defaultMarkdownLabels}
      mermaid={prepared?.mermaid ?? true}
    />
  );
}

/** One formula, drawn at once: the math chunk is loaded before rendering. */
function Formula({ node, 'data-math': kind = 'inline' }: MarkdownComponentExtraProps & { 'data-math'?: string }) {
  const tex = node ? hastText(node) : '';
  const outcome = loadedMath()?.renderTex(tex, kind === 'display');
  const html = outcome && 'html' in outcome ? outcome.html : undefined;
  return <FormulaMarkup kind={kind} tex={tex} html={html} state="error" />;
}

/**
 * Renders finished Markdown in a server component: no `"use client"`, highlighting and math done
 * on the server, the same sanitizing and URL policy as the client's `<Markdown>`.
 *
 * @example
 * import { Markdown } from '@rivulet/react/server';
 *
 * export default async function Answer() {
 *   return <Markdown>{await loadAnswer()}</Markdown>;
 * }
 */
export async function Markdown({
  children,
  components,
  className,
  allowedLinkPrefixes,
  allowedImagePrefixes,
  highlight = true,
  theme,
  math = true,
  mermaid = true,
  labels,
  ...rest
}: ServerMarkdownProps): Promise<ReactNode> {
  const text = children ?? '';
  const policy = { allowedLinkPrefixes, allowedImagePrefixes };
  const mathModule = math && mayHaveMath(text) ? await loadMath() : undefined;
  const tree = mathModule
    ? markdownToHast(normalizeMath(text), getProcessor(policy, mathModule))
    : markdownToHast(text, getProcessor(policy));

  const mergedLabels: MarkdownLabels = { ...defaultMarkdownLabels, ...labels };
  const themes: CodeThemeNames = { ...defaultCodeTheme, ...theme };
  await Promise.all(
    codeBlocksOf(tree).map(async ({ pre, code, lang }) => {
      const highlighted = highlight && lang !== '' ? await highlightOnServer(code, lang, themes) : undefined;
      preparedBlocks.set(pre, { highlighted, labels: mergedLabels, mermaid });
    }),
  );
  const merged = {
    pre: Pre,
    table: ScrollableTable,
    ...(components as Partial<Components>),
    ...(mathModule ? { [mathTagName]: Formula } : {}),
  } as Partial<Components>;

  return (
    <div
      {...rest}
      className={
        className
          ? `rivulet-markdown rivulet-markdown--static ${className}`
          : 'rivulet-markdown rivulet-markdown--static'
      }
      data-streaming="false"
    >
      {hastToReact(tree, merged)}
    </div>
  );
}

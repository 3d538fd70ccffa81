/**
 * `<Markdown>`: renders (streaming) Markdown safely and incrementally.
 *
 * While `streaming`, the text is cut into top-level blocks by an incremental splitter kept for
 * the component's lifetime; final blocks are parsed once and never re-render, and only the
 * growing last block is repaired and parsed per update (see `blocks.tsx`). When streaming ends,
 * the blocks already rendered stay and only the last one is parsed again, as written: each
 * block parses on its own as it does inside the whole text (the splitter's invariant), and link
 * reference definitions are passed along, so the result equals the static render without paying
 * for one. A document with footnotes (numbered across the whole text) is rendered in one pass
 * instead, and so is a document that never streamed, memoized by text.
 *
 * "Still growing" and "complete" are separate: an answer that ended early (stopped, failed, cut
 * off) is `incomplete` without `streaming`, and its tail stays repaired (no raw `**` or half a
 * link), without the cursor; only a complete text renders exactly as the static render.
 */

import { repairMarkdown } from '@rivulet/core';
import { mayHoldDefinition } from '@rivulet/core/syntax';
import type { Element } from 'hast';
import type { Components } from 'hast-util-to-jsx-runtime';
import { type ComponentType, forwardRef, type HTMLAttributes, type JSX, useMemo, useRef } from 'react';
import { TypingCursor } from '../typing-cursor';
import { createRenderOptions, type RenderOptions } from './blocks';
import { CodeBlock } from './code-block';
import { defaultMarkdownLabels, type MarkdownLabels, type MarkdownSettings, MarkdownSettingsContext } from './context';
import { showFootnoteCalls } from './footnote-calls';
import { IncrementalBlocks, type MarkdownText, useIncrementalCache } from './incremental-blocks';
import { MathFormula } from './math/math-formula';
import { mathTagName } from './math/tag-name';
import { mathMarkdownToHast, mayHaveMath, useMathStatus, useShownContent } from './math/use-math';
import { endsInOpenFence, markOpenFence } from './open-fence';
import { markdownToHast } from './pipeline';
import { cursorTagName, hastToReact } from './render-hast';
import { ScrollableTable } from './scrollable-table';

/** Extra prop every override receives: the hast element being rendered. */
export interface MarkdownComponentExtraProps {
  node?: Element | undefined;
}

/**
 * Element overrides, as in react-markdown: a tag name mapped to a component (or another tag).
 * Override `pre` to replace code blocks (highlighting and copy button included); `code`
 * applies to inline code. Keep the object stable (or its entries): a new set of components
 * renders every block again.
 */
export type MarkdownComponents = {
  [Tag in keyof JSX.IntrinsicElements]?:
    | ComponentType<JSX.IntrinsicElements[Tag] & MarkdownComponentExtraProps>
    | keyof JSX.IntrinsicElements;
};

export interface MarkdownProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * The Markdown text (the full text so far while streaming): a string, or a `GrowingText` (as
   * `useStream` gives in `growingText`), of which each update reads only what was appended. Every
   * new string is read whole once, so on a long answer the `GrowingText` saves a copy of the answer
   * per update.
   */
  children?: MarkdownText | null | undefined;
  /** The text is still growing: render incrementally and close open markers at its end. */
  streaming?: boolean | undefined;
  /**
   * The text ended before it was complete (the answer was stopped, failed or cut off): its tail is
   * repaired as while streaming (open markers closed, half-typed syntax hidden), without the
   * cursor. Defaults to `streaming`. Only a text that is neither streaming nor incomplete renders
   * exactly as the static render of it.
   *
   * @example
   * <Markdown streaming={status === 'streaming'} incomplete={status !== 'done'}>{text}</Markdown>
   */
  incomplete?: boolean | undefined;
  /** Show `<TypingCursor />` at the end of the text while `streaming`. */
  cursor?: boolean | undefined;
  /** Element overrides (see `MarkdownComponents`). */
  components?: MarkdownComponents | undefined;
  /** Link URL prefixes allowed besides `http:`, `https:`, `mailto:` and relative URLs (e.g. `tel:`). */
  allowedLinkPrefixes?: readonly string[] | undefined;
  /** Image URL prefixes allowed besides `http:`, `https:` and relative URLs (e.g. `data:image/png;`). */
  allowedImagePrefixes?: readonly string[] | undefined;
  /**
   * Highlight fenced code with shiki, each language loaded on first use.
   * - `true` or `'visible'` (default): a code block is highlighted once it comes within a
   *   viewport's height of being visible, so a long answer or conversation only pays for the code
   *   someone can see. Once highlighted, a block stays highlighted.
   * - `'all'`: every code block is highlighted as soon as its language loads, seen or not.
   * - `false`: code stays plain text.
   */
  highlight?: boolean | 'visible' | 'all' | undefined;
  /**
   * Render math with KaTeX (loaded on first use): `$…$` and `$$…$$` (a `$` before a digit or
   * after a space never opens or closes, so prices stay text) and the `\\(…\\)` and `\\[…\\]`
   * delimiters models write. Default `true`.
   */
  math?: boolean | undefined;
  /** Render ```` ```mermaid ```` fences as diagrams once they close (mermaid loaded on first use). Default `true`. */
  mermaid?: boolean | undefined;
  /** Visible strings (copy button). */
  labels?: Partial<MarkdownLabels> | undefined;
}

function CursorPlaceholder() {
  return <TypingCursor />;
}

function shallowEqual(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/** The merged components, the same object as long as the user's entries are the same. */
function useComponents(user: MarkdownComponents | undefined): Partial<Components> {
  const memo = useRef<{ user: MarkdownComponents | undefined; merged: Partial<Components> } | null>(null);
  if (!memo.current || !shallowEqual(memo.current.user, user)) {
    memo.current = {
      user,
      merged: {
        pre: CodeBlock,
        table: ScrollableTable,
        ...(user as Partial<Components>),
        [cursorTagName]: CursorPlaceholder,
        [mathTagName]: MathFormula,
      } as Partial<Components>,
    };
  }
  return memo.current.merged;
}

/**
 * Whether a finished document rendered block by block might differ from its one-pass render.
 * Footnotes are numbered and collected across the whole document. Link reference definitions
 * apply document-wide, and while streaming only single-line ones outside containers are passed
 * between blocks; a definition spanning lines, inside a quote or list, or repeating a label
 * could resolve differently. Documents that may hold either are rendered in one pass once
 * finished (a cheap, conservative check).
 */
function needsWholeDocument(text: string): boolean {
  return text.includes('[^') || mayHoldDefinition(text);
}

/** A text rendered in one pass; an incomplete one (`repair`) with its tail repaired first. */
function StaticDocument({ text, repair, options }: { text: string; repair: boolean; options: RenderOptions }) {
  const hasMath = options.math && mayHaveMath(text);
  const mathStatus = useMathStatus(hasMath);
  const render = (withMath: boolean) => {
    const repaired = repair ? repairMarkdown(text, { math: options.math }) : text;
    const tree =
      (withMath ? mathMarkdownToHast(repaired, options.policy) : undefined) ??
      markdownToHast(repaired, options.processor);
    // A fence only repair closed (a stopped answer) keeps showing its code, never half a diagram.
    if (repair && endsInOpenFence(text, repaired)) markOpenFence(tree);
    // Its footnotes never came: calls stay the superscripts they were while it streamed.
    if (repair) showFootnoteCalls(tree, repaired);
    return hastToReact(tree, options.components);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: render reads exactly these.
  const content = useMemo(
    () => (hasMath && mathStatus === 'pending' ? undefined : render(hasMath && mathStatus === 'ready')),
    [text, repair, options, hasMath, mathStatus],
  );
  return useShownContent(content);
}

/**
 * Renders Markdown (GFM) safely: raw HTML is never rendered, only `http:`, `https:`, `mailto:`
 * and relative URLs (plus the allowed prefixes) survive, links get `rel="noopener noreferrer"`
 * and absolute web links `target="_blank"`. Code is highlighted lazily and has a copy button.
 *
 * @example
 * <Markdown streaming={status === 'streaming'} cursor>{text}</Markdown>
 */
export const Markdown = forwardRef<HTMLDivElement, MarkdownProps>(function Markdown(
  {
    children,
    streaming = false,
    incomplete = streaming,
    cursor = false,
    components,
    className,
    allowedLinkPrefixes,
    allowedImagePrefixes,
    highlight = true,
    math = true,
    mermaid = true,
    labels,
    ...rest
  },
  ref,
) {
  const input = children ?? '';
  const merged = useComponents(components);
  const policyKey = JSON.stringify([allowedLinkPrefixes ?? [], allowedImagePrefixes ?? []]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the prefixes are compared by value through policyKey.
  const options = useMemo(
    () => createRenderOptions({ allowedLinkPrefixes, allowedImagePrefixes }, merged, math),
    [policyKey, merged, math],
  );
  // Every label reaches the code blocks, the defaults filling in those not given; compared by value.
  const labelsKey = JSON.stringify(labels ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels are compared by value through labelsKey.
  const mergedLabels = useMemo<MarkdownLabels>(() => ({ ...defaultMarkdownLabels, ...labels }), [labelsKey]);
  const mode = highlight === true ? 'visible' : highlight;
  const settings = useMemo<MarkdownSettings>(
    () => ({ highlight: mode, math, mermaid, labels: mergedLabels }),
    [mode, math, mermaid, mergedLabels],
  );
  const cache = useIncrementalCache();

  // A `GrowingText` is read whole only here, once it stops growing, and not kept as a string.
  const wholeDocument = useMemo(() => !streaming && needsWholeDocument(String(input)), [streaming, input]);
  // An incomplete text that is not streaming (stopped, failed) is rendered block by block with its
  // tail repaired, even if it never streamed here (a message restored from history).
  const incremental = streaming || (!wholeDocument && (incomplete || cache.hasText));

  return (
    <div
      {...rest}
      ref={ref}
      // A text rendered at once has its blocks directly in the root: see markdown.css.
      className={`rivulet-markdown${incremental ? '' : ' rivulet-markdown--static'}${className ? ` ${className}` : ''}`}
      data-streaming={streaming ? 'true' : 'false'}
      data-incomplete={incomplete && !streaming ? 'true' : undefined}
    >
      <MarkdownSettingsContext.Provider value={settings}>
        {incremental ? (
          <IncrementalBlocks
            text={input}
            final={!streaming}
            repairTail={incomplete}
            cursor={cursor && streaming}
            options={options}
            cache={cache}
          />
        ) : (
          <StaticDocument text={String(input)} repair={incomplete} options={options} />
        )}
      </MarkdownSettingsContext.Provider>
    </div>
  );
});

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

import { type BlockSplitter, createBlockSplitter, repairMarkdown } from '@rivulet/core';
import type { Element } from 'hast';
import type { Components } from 'hast-util-to-jsx-runtime';
import {
  type ComponentType,
  forwardRef,
  type HTMLAttributes,
  type JSX,
  useEffect,
  useMemo,
  useReducer,
  useRef,
} from 'react';
import { TypingCursor } from '../TypingCursor';
import { BlockGroup, createRenderOptions, groupSize, type RenderOptions } from './blocks';
import { CodeBlock } from './CodeBlock';
import { defaultMarkdownLabels, type MarkdownLabels, type MarkdownSettings, MarkdownSettingsContext } from './context';
import { createDefinitionCollector, type DefinitionCollector } from './definitions';
import { endsInOpenFence, markOpenFence } from './open-fence';
import { markdownToHast } from './pipeline';
import { cursorTagName, hastToReact } from './render-hast';

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
  /** The Markdown text (the full text so far while streaming). */
  children?: string | null | undefined;
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
        ...(user as Partial<Components>),
        [cursorTagName]: CursorPlaceholder,
      } as Partial<Components>,
    };
  }
  return memo.current.merged;
}

interface SplitState {
  splitter: BlockSplitter;
  text: string;
  /** Source arrays of groups whose blocks are all final: the same array on every update. */
  finishedGroups: Map<number, readonly string[]>;
  definitions: DefinitionCollector;
  /** Blocks rendered by the last render: new blocks past them count against `catchUpChars`. */
  rendered: number;
}

/**
 * Source characters of new blocks one render may parse. A stream hands over a few characters per
 * frame, far below this; a backlog (a 5 MB answer arriving at once) is rendered over several
 * tasks instead, a slice each, so the page keeps painting and answering input meanwhile.
 */
export const catchUpChars = 64 * 1024;

/** How many of `blocks` to render now: all, unless the new ones exceed `catchUpChars`. */
function blocksToRender(blocks: readonly string[], rendered: number): number {
  let budget = catchUpChars;
  for (let index = Math.min(rendered, blocks.length); index < blocks.length; index += 1) {
    budget -= (blocks[index] as string).length;
    // At least one new block per render, however long.
    if (budget < 0 && index > rendered) return index;
  }
  return blocks.length;
}

/**
 * A line whose content (after block quote and list markers) is `[label]:`: maybe a definition.
 * The label may span lines and hold escaped brackets; a task list item (`- [ ] x`) is not one.
 */
const definitionStart = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*\[(?:[^\]\\]|\\[\s\S]){0,999}\]:/m;

/**
 * Whether a finished document rendered block by block might differ from its one-pass render.
 * Footnotes are numbered and collected across the whole document. Link reference definitions
 * apply document-wide, and while streaming only single-line ones outside containers are passed
 * between blocks; a definition spanning lines, inside a quote or list, or repeating a label
 * could resolve differently. Documents that may hold either are rendered in one pass once
 * finished (a cheap, conservative check).
 */
function needsWholeDocument(text: string): boolean {
  return text.includes('[^') || (text.includes(']:') && definitionStart.test(text));
}

/** Characters compared at each end of the previous text while streaming (see `extendsText`). */
const anchorChars = 1024;

/**
 * Whether `text` is `previous` with more appended. Comparing the whole previous text costs time in
 * proportion to the answer on every flush (a tenth of a 200 KB one's), so while streaming only its
 * first and last `anchorChars` are compared where they must be: text that grows by appending always
 * passes, and a new or regenerated answer differs within them. `thorough` (the render that ends the
 * stream) compares all of it, so a change anywhere is caught before the answer is left on screen.
 */
function extendsText(text: string, previous: string, thorough: boolean): boolean {
  const length = previous.length;
  if (text.length < length) return false;
  if (thorough || length <= 2 * anchorChars)
    return text.length === length ? text === previous : text.startsWith(previous);
  return (
    text.startsWith(previous.slice(0, anchorChars)) &&
    text.startsWith(previous.slice(-anchorChars), length - anchorChars)
  );
}

function IncrementalBlocks({
  text,
  final,
  repairTail,
  cursor,
  options,
  state,
}: {
  text: string;
  /** The text no longer grows: every block is final. */
  final: boolean;
  /** The text is incomplete: its last block is repaired (else parsed as written). */
  repairTail: boolean;
  cursor: boolean;
  options: RenderOptions;
  state: SplitState;
}) {
  if (!extendsText(text, state.text, final)) {
    state.splitter.reset();
    state.finishedGroups.clear();
    state.definitions.reset();
    state.rendered = 0;
  }
  state.text = text;
  const split = state.splitter.update(text);
  const splitFinal = split.finalCount;
  const shown = blocksToRender(split.blocks, state.rendered);
  const catchingUp = shown < split.blocks.length;
  state.rendered = shown;
  // Rendering a backlog in slices: the next slice after this one is on screen.
  const [, renderMore] = useReducer((count: number) => count + 1, 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new slice on screen asks for the next one.
  useEffect(() => {
    if (!catchingUp) return;
    const timer = setTimeout(renderMore, 0);
    return () => clearTimeout(timer);
  }, [catchingUp, shown]);
  const blocks = catchingUp ? split.blocks.slice(0, shown) : split.blocks;
  // A finished document's last block is final too, but only for this render: if the text grows
  // again, the splitter still knows that block may change.
  const finalCount = final ? blocks.length : splitFinal;
  const definitions = state.definitions.update(split.blocks, splitFinal, final);
  if (blocks.length === 0) return cursor ? <TypingCursor /> : null;
  const groups = [];
  for (let start = 0; start < blocks.length; start += groupSize) {
    const end = Math.min(start + groupSize, blocks.length);
    const index = start / groupSize;
    const finished = end - start === groupSize && end <= splitFinal;
    let sources = state.finishedGroups.get(index);
    if (!finished || !sources) {
      sources = blocks.slice(start, end);
      if (finished) state.finishedGroups.set(index, sources);
    }
    const endsDocument = end === blocks.length && !catchingUp;
    groups.push(
      <BlockGroup
        key={index}
        sources={sources}
        start={start}
        openFrom={Math.min(sources.length, Math.max(0, finalCount - start))}
        endsDocument={endsDocument && repairTail}
        cursor={cursor && endsDocument}
        definitions={definitions}
        options={options}
        settled={finished && end < blocks.length}
      />,
    );
  }
  return groups;
}

/** A text rendered in one pass; an incomplete one (`repair`) with its tail repaired first. */
function StaticDocument({ text, repair, options }: { text: string; repair: boolean; options: RenderOptions }) {
  return useMemo(() => {
    const repaired = repair ? repairMarkdown(text) : text;
    const tree = markdownToHast(repaired, options.processor);
    // A fence only repair closed (a stopped answer) keeps showing its code, never half a diagram.
    if (repair && endsInOpenFence(text, repaired)) markOpenFence(tree);
    return hastToReact(tree, options.components);
  }, [text, repair, options]);
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
  const text = children ?? '';
  const merged = useComponents(components);
  const policyKey = JSON.stringify([allowedLinkPrefixes ?? [], allowedImagePrefixes ?? []]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the prefixes are compared by value through policyKey.
  const options = useMemo(
    () => createRenderOptions({ allowedLinkPrefixes, allowedImagePrefixes }, merged),
    [policyKey, merged],
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
  const split = useRef<SplitState | null>(null);
  split.current ??= {
    splitter: createBlockSplitter(),
    text: '',
    finishedGroups: new Map(),
    definitions: createDefinitionCollector(),
    rendered: 0,
  };

  const wholeDocument = useMemo(() => !streaming && needsWholeDocument(text), [streaming, text]);
  // An incomplete text that is not streaming (stopped, failed) is rendered block by block with its
  // tail repaired, even if it never streamed here (a message restored from history).
  const incremental = streaming || (!wholeDocument && (incomplete || split.current.text !== ''));

  return (
    <div
      {...rest}
      ref={ref}
      className={className ? `rivulet-markdown ${className}` : 'rivulet-markdown'}
      data-streaming={streaming ? 'true' : 'false'}
      data-incomplete={incomplete && !streaming ? 'true' : undefined}
    >
      <MarkdownSettingsContext.Provider value={settings}>
        {incremental ? (
          <IncrementalBlocks
            text={text}
            final={!streaming}
            repairTail={incomplete}
            cursor={cursor && streaming}
            options={options}
            state={split.current}
          />
        ) : (
          <StaticDocument text={text} repair={incomplete} options={options} />
        )}
      </MarkdownSettingsContext.Provider>
    </div>
  );
});

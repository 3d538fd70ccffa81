/**
 * `<Markdown>`: renders (streaming) Markdown safely and incrementally.
 *
 * While `streaming`, the text is cut into top-level blocks by an incremental splitter kept for
 * the component's lifetime; final blocks are parsed once and never re-render, and only the
 * growing last block is repaired and parsed per update (see `blocks.tsx`). With
 * `streaming={false}` the whole text is rendered in one pass, exactly as a static renderer
 * would (reference definitions, footnotes and list looseness can span blocks), memoized by text.
 */

import { type BlockSplitter, createBlockSplitter } from '@rivulet/core';
import type { Element } from 'hast';
import type { Components } from 'hast-util-to-jsx-runtime';
import { type ComponentType, forwardRef, type HTMLAttributes, type JSX, useMemo, useRef } from 'react';
import { TypingCursor } from '../TypingCursor';
import { BlockGroup, createRenderOptions, groupSize, type RenderOptions } from './blocks';
import { CodeBlock } from './CodeBlock';
import { defaultMarkdownLabels, type MarkdownLabels, type MarkdownSettings, MarkdownSettingsContext } from './context';
import { createDefinitionCollector, type DefinitionCollector } from './definitions';
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
  /** Show `<TypingCursor />` at the end of the text while `streaming`. */
  cursor?: boolean | undefined;
  /** Element overrides (see `MarkdownComponents`). */
  components?: MarkdownComponents | undefined;
  /** Link URL prefixes allowed besides `http:`, `https:`, `mailto:` and relative URLs (e.g. `tel:`). */
  allowedLinkPrefixes?: readonly string[] | undefined;
  /** Image URL prefixes allowed besides `http:`, `https:` and relative URLs (e.g. `data:image/png;`). */
  allowedImagePrefixes?: readonly string[] | undefined;
  /** Highlight fenced code with shiki, loaded lazily per language. Default `true`. */
  highlight?: boolean | undefined;
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
}

function StreamingBlocks({
  text,
  cursor,
  options,
  state,
}: {
  text: string;
  cursor: boolean;
  options: RenderOptions;
  state: SplitState;
}) {
  if (!text.startsWith(state.text)) {
    state.splitter.reset();
    state.finishedGroups.clear();
    state.definitions.reset();
  }
  state.text = text;
  const { blocks, finalCount } = state.splitter.update(text);
  const definitions = state.definitions.update(blocks, finalCount);
  if (blocks.length === 0) return cursor ? <TypingCursor /> : null;
  const groups = [];
  for (let start = 0; start < blocks.length; start += groupSize) {
    const end = Math.min(start + groupSize, blocks.length);
    const index = start / groupSize;
    const finished = end - start === groupSize && end <= finalCount;
    let sources = state.finishedGroups.get(index);
    if (!finished || !sources) {
      sources = blocks.slice(start, end);
      if (finished) state.finishedGroups.set(index, sources);
    }
    const endsDocument = end === blocks.length;
    groups.push(
      <BlockGroup
        key={index}
        sources={sources}
        start={start}
        openFrom={Math.min(sources.length, Math.max(0, finalCount - start))}
        endsDocument={endsDocument}
        cursor={cursor && endsDocument}
        definitions={definitions}
        options={options}
      />,
    );
  }
  return groups;
}

function StaticDocument({ text, options }: { text: string; options: RenderOptions }) {
  return useMemo(() => hastToReact(markdownToHast(text, options.processor), options.components), [text, options]);
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
    cursor = false,
    components,
    className,
    allowedLinkPrefixes,
    allowedImagePrefixes,
    highlight = true,
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
  const copyCode = labels?.copyCode ?? defaultMarkdownLabels.copyCode;
  const copied = labels?.copied ?? defaultMarkdownLabels.copied;
  const settings = useMemo<MarkdownSettings>(
    () => ({ highlight, labels: { copyCode, copied } }),
    [highlight, copyCode, copied],
  );
  const split = useRef<SplitState | null>(null);
  split.current ??= {
    splitter: createBlockSplitter(),
    text: '',
    finishedGroups: new Map(),
    definitions: createDefinitionCollector(),
  };

  return (
    <div
      {...rest}
      ref={ref}
      className={className ? `rivulet-markdown ${className}` : 'rivulet-markdown'}
      data-streaming={streaming ? 'true' : 'false'}
    >
      <MarkdownSettingsContext.Provider value={settings}>
        {streaming ? (
          <StreamingBlocks text={text} cursor={cursor} options={options} state={split.current} />
        ) : (
          <StaticDocument text={text} options={options} />
        )}
      </MarkdownSettingsContext.Provider>
    </div>
  );
});

/**
 * The renderers under test, each used the way its documentation shows: Rivulet's streaming
 * `<Markdown>` given the stream's `GrowingText` (as `useStream().growingText`; given each flush's
 * text as a new string instead, as `rivulet-string`), with its default code highlighting, which highlights the code blocks near the
 * viewport; with every block highlighted, seen or not; and without highlighting, to compare like
 * for like with streamdown, which does not highlight by default), streamdown (with its stylesheet), react-markdown + remark-gfm re-rendering the whole
 * text on every update, the do-it-yourself stack (`diy-renderer.tsx`), plain text as the floor any renderer pays for React and layout,
 * and the final DOM grown by direct DOM edits as the floor the browser charges for that DOM (`dom-floor.tsx`).
 */
import { type GrowingText, Markdown } from '@rivulet/react';
import '@rivulet/react/styles.css';
import type { ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Streamdown } from 'streamdown';
import 'streamdown/styles.css';
import type { RendererId } from '../shared/types';
import { DiyMarkdown } from './diy-renderer';
import { DomFloor } from './dom-floor';

const gfm = [remarkGfm];

export interface RendererProps {
  text: string;
  /** The same text as the stream's `GrowingText`, when the run has one (Rivulet reads it instead). */
  growing?: GrowingText | undefined;
  streaming: boolean;
  /** The whole answer the run streams (only the DOM floor reads it). */
  final?: string | undefined;
}

/** Renderers handed the stream's `GrowingText`: they never read each flush's text whole. */
export const readsGrowingText: ReadonlySet<RendererId> = new Set([
  'rivulet',
  'rivulet-no-highlight',
  'rivulet-highlight-all',
]);

export const renderers: Record<RendererId, (props: RendererProps) => ReactNode> = {
  rivulet: ({ text, growing, streaming }) => <Markdown streaming={streaming}>{growing ?? text}</Markdown>,
  'rivulet-string': ({ text, streaming }) => <Markdown streaming={streaming}>{text}</Markdown>,
  'rivulet-no-highlight': ({ text, growing, streaming }) => (
    <Markdown streaming={streaming} highlight={false}>
      {growing ?? text}
    </Markdown>
  ),
  'rivulet-highlight-all': ({ text, growing, streaming }) => (
    <Markdown streaming={streaming} highlight="all">
      {growing ?? text}
    </Markdown>
  ),
  streamdown: ({ text, streaming }) => <Streamdown isAnimating={streaming}>{text}</Streamdown>,
  'react-markdown': ({ text }) => <ReactMarkdown remarkPlugins={gfm}>{text}</ReactMarkdown>,
  diy: ({ text, streaming }) => <DiyMarkdown text={text} streaming={streaming} />,
  plain: ({ text }) => <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>,
  'dom-floor': DomFloor,
};

/**
 * The components the runs mount. Each hands its state setter to the run through `register`, so a
 * run can drive updates synchronously with `flushSync(() => set(...))`.
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { RendererId } from '../shared/types';
import { type RendererProps, renderers } from './renderers';

export interface HarnessProps {
  renderer: RendererId;
  register: (set: (props: RendererProps) => void) => void;
}

/** One renderer showing the text the run sets. */
export function Harness({ renderer, register }: HarnessProps) {
  const [props, setProps] = useState<RendererProps>({ text: '', streaming: true });
  useLayoutEffect(() => register(setProps), [register]);
  const Renderer = renderers[renderer];
  return <Renderer {...props} />;
}

/** One chat message; memoized as a chat list would, so unchanged messages skip rendering. */
const Message = memo(function Message({ renderer, text, streaming }: RendererProps & { renderer: RendererId }) {
  const Renderer = renderers[renderer];
  return (
    <article className="bench-message">
      <Renderer text={text} streaming={streaming} />
    </article>
  );
});

export interface ConversationProps {
  renderer: RendererId;
  history: readonly string[];
  register: (set: (text: string) => void) => void;
}

/** Messages per group, as `<Chat.Messages>` groups its rows by default. */
const groupSize = 20;

/**
 * Finished messages followed by one streaming message whose text the run sets. The streaming
 * message holds its own state, as a chat list keeps the answer that streams apart from the log, so a
 * flush renders that message alone and never walks the history. As in `<Chat.Messages>`, the rows
 * sit in groups of 20 and every group but the last (which holds the streaming message) is skipped
 * by the browser off screen (`content-visibility: auto`) once mounted and measured, so a flush lays
 * out O(groups) boxes.
 */
export function Conversation({ renderer, history, register }: ConversationProps) {
  const groups: string[][] = [];
  for (let start = 0; start < history.length; start += groupSize) groups.push(history.slice(start, start + groupSize));
  if (groups.length === 0) groups.push([]);
  const list = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => settleGroups(list.current), []);
  return (
    <div ref={list}>
      {groups.map((texts, group) => {
        const last = group === groups.length - 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history never reorders
          <div key={group} className="bench-group">
            {texts.map((text, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the history never reorders
              <Message key={index} renderer={renderer} text={text} streaming={false} />
            ))}
            {last && <LiveMessage renderer={renderer} register={register} />}
          </div>
        );
      })}
    </div>
  );
}

/**
 * As `<Chat.Messages>` settles its groups once mounted: every group but the last keeps its measured
 * height as the size the browser gives it while skipping it (all heights read in one layout, then
 * written), and is marked settled (`content-visibility: auto`).
 */
function settleGroups(list: HTMLDivElement | null): void {
  if (!list) return;
  const groups = [...list.children].slice(0, -1) as HTMLElement[];
  const heights = groups.map((group) => group.getBoundingClientRect().height);
  groups.forEach((group, index) => {
    group.style.setProperty('contain-intrinsic-block-size', `auto ${heights[index]}px`);
    group.classList.add('bench-group--settled');
  });
}

function LiveMessage({ renderer, register }: Omit<ConversationProps, 'history'>) {
  const [live, setLive] = useState('');
  useLayoutEffect(() => register(setLive), [register]);
  return <Message renderer={renderer} text={live} streaming />;
}

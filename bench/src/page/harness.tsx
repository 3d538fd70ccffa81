/**
 * The components the runs mount. Each hands its state setter to the run through `register`, so a
 * run can drive updates synchronously with `flushSync(() => set(...))`.
 */
import { memo, useLayoutEffect, useState } from 'react';
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

/**
 * Finished messages followed by one streaming message whose text the run sets. The streaming
 * message holds its own state, as a chat list keeps the answer that streams apart from the log, so a
 * flush renders that message alone and never walks the history.
 */
export function Conversation({ renderer, history, register }: ConversationProps) {
  return (
    <>
      {history.map((text, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the history never reorders
        <Message key={index} renderer={renderer} text={text} streaming={false} />
      ))}
      <LiveMessage renderer={renderer} register={register} />
    </>
  );
}

function LiveMessage({ renderer, register }: Omit<ConversationProps, 'history'>) {
  const [live, setLive] = useState('');
  useLayoutEffect(() => register(setLive), [register]);
  return <Message renderer={renderer} text={live} streaming />;
}

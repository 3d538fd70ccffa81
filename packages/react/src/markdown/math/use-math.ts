/**
 * Math in a rendered block: whether a block needs the math chunk, and what it shows meanwhile.
 * A block holding math renders with the math pipeline once the chunk is loaded; until then it
 * keeps what it showed before (a streaming block whose math just began stays as it was for the
 * moment the chunk takes), or shows nothing yet: never its raw source. If the chunk cannot load,
 * the block shows as plain text.
 */

import type { Root } from 'hast';
import { type ReactNode, useEffect, useReducer, useRef, useSyncExternalStore } from 'react';
import { useIsomorphicLayoutEffect } from '../../use-stream';
import { getProcessor, markdownToHast } from '../pipeline';
import type { UrlPolicyOptions } from '../url-policy';
import { loadedMath, loadMath, mathStatus, subscribeMath } from './load-math';
import { mayHaveMath } from './may-have-math';

export { mayHaveMath };

/**
 * `markdown` parsed with math (delimiters normalized first), or `undefined` until the chunk loads.
 * The rewrite ships in the chunk too: a page without math never downloads it.
 */
export function mathMarkdownToHast(markdown: string, policy: UrlPolicyOptions): Root | undefined {
  const math = loadedMath();
  return math && markdownToHast(math.normalizeMath(markdown), getProcessor(policy, math));
}

export type MathStatus = 'ready' | 'pending' | 'failed';

const noSubscription = () => () => {};
const serverSnapshot = (): MathStatus => 'pending';

/**
 * Where the math chunk is, loading it when `needed`. Subscribes only when needed, so blocks
 * without math cost nothing here.
 */
export function useMathStatus(needed: boolean): MathStatus {
  const status = useSyncExternalStore(needed ? subscribeMath : noSubscription, mathStatus, serverSnapshot);
  useEffect(() => {
    if (needed && status === 'pending') void loadMath();
  }, [needed, status]);
  return status;
}

/**
 * `content`, or while it is pending (`undefined`: math waiting for its chunk) what was shown
 * last, or nothing if nothing was. Remembered after commit, so rendering stays pure.
 */
export function useShownContent(content: ReactNode | undefined): ReactNode {
  const shown = useRef<{ content: ReactNode } | undefined>(undefined);
  const displayed = content !== undefined ? content : shown.current ? shown.current.content : null;
  useIsomorphicLayoutEffect(() => {
    shown.current = { content: displayed };
  });
  return displayed;
}

const bump = (count: number) => count + 1;

/**
 * What `useMathStatus` and `useShownContent` do together, for one block of a streamed answer
 * (`Block`), with fewer hooks: a long answer has a thousand blocks, and React keeps two copies of
 * every hook and effect of each block that rendered twice. The status is read directly (it only
 * ever moves on from `'pending'`); while `pending`, one effect loads the chunk and renders the block
 * again once it has loaded or failed. Shows `content`, or while it is `undefined` what was shown
 * last (remembered after commit, so rendering stays pure), or nothing.
 */
export function useBlockContent(content: ReactNode | undefined, pending: boolean): ReactNode {
  const [, update] = useReducer(bump, 0);
  const shown = useRef<ReactNode>(null);
  const displayed = content !== undefined ? content : shown.current;
  useEffect(() => {
    shown.current = displayed;
    if (!pending) return;
    void loadMath();
    const unsubscribe = subscribeMath(update);
    // Loaded between the render and this effect: render again now.
    if (mathStatus() !== 'pending') update();
    return unsubscribe;
  }, [displayed, pending]);
  return displayed;
}

/**
 * The math chunk's status for a block, read without subscribing (see `useBlockContent`); `'ready'`
 * (nothing to wait for) when the block holds no math.
 */
export function blockMathStatus(hasMath: boolean): MathStatus {
  return hasMath ? mathStatus() : 'ready';
}

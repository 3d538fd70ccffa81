/**
 * The two small hooks the adapters share: a layout effect that is silent on the server, and a ref
 * holding the latest committed value, through which core objects read callbacks without being
 * recreated or restarted when they change.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

/** `useLayoutEffect` in the browser, nothing on the server (where effects never run anyway). */
export const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** A ref that always holds the latest committed value, for callbacks read outside render. */
export function useLatestRef<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * Which colour scheme a diagram sits in, so it is drawn with mermaid's light or dark theme: the
 * closest `data-theme="light" | "dark"` ancestor (as the stylesheet reads it), else the element's
 * computed `color-scheme` (`.rivulet-root` sets it, following `prefers-color-scheme` unless forced),
 * else `prefers-color-scheme` itself.
 *
 * One observer serves every diagram on the page: it watches `data-theme`, `class` and `style`
 * attributes anywhere (how apps switch themes) and the media query, and each subscribed diagram
 * reads its scheme again. Nothing touches `window` until an effect runs, so it renders on the server.
 */

import { type RefObject, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../../use-stream';

export type ColorScheme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';

function preferredScheme(): ColorScheme {
  if (typeof window.matchMedia !== 'function') return 'light';
  return window.matchMedia(darkQuery).matches ? 'dark' : 'light';
}

/** The scheme `element` is shown in (see the module comment). */
export function colorSchemeOf(element: Element): ColorScheme {
  const forced = element.closest('[data-theme]')?.getAttribute('data-theme');
  if (forced === 'dark' || forced === 'light') return forced;
  const computed = getComputedStyle(element).colorScheme ?? '';
  const light = /\blight\b/.test(computed);
  const dark = /\bdark\b/.test(computed);
  if (dark !== light) return dark ? 'dark' : 'light';
  return preferredScheme();
}

const listeners = new Set<() => void>();
let stopWatching: (() => void) | undefined;

function notify(): void {
  for (const listener of listeners) listener();
}

function watch(): () => void {
  const observer = new MutationObserver(notify);
  observer.observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-theme', 'class', 'style'],
  });
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(darkQuery) : undefined;
  query?.addEventListener?.('change', notify);
  return () => {
    observer.disconnect();
    query?.removeEventListener?.('change', notify);
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  stopWatching ??= watch();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopWatching?.();
      stopWatching = undefined;
    }
  };
}

/** The scheme most recently read, so a diagram mounting again starts from the right guess. */
let lastScheme: ColorScheme | undefined;

export interface ColorSchemeState {
  scheme: ColorScheme;
  /** False until the scheme was read from the element (before that, `scheme` is a guess). */
  measured: boolean;
}

/**
 * The colour scheme of `element`, kept up to date while `enabled`. It is read before the first
 * paint (a layout effect), so a diagram is never drawn in the other theme first; until then the
 * scheme last read on the page is the guess (it only picks a cached picture for the first render).
 */
export function useColorScheme(element: RefObject<Element | null>, enabled: boolean): ColorSchemeState {
  const [state, setState] = useState<ColorSchemeState>(() => ({
    // No browser globals while rendering (it runs on the server too): the real read is the effect's.
    scheme: lastScheme ?? 'light',
    measured: false,
  }));
  useIsomorphicLayoutEffect(() => {
    if (!enabled) return;
    const read = () => {
      const target = element.current;
      if (!target) return;
      const scheme = colorSchemeOf(target);
      lastScheme = scheme;
      setState((current) => (current.measured && current.scheme === scheme ? current : { scheme, measured: true }));
    };
    read();
    return subscribe(read);
  }, [element, enabled]);
  return state;
}

import { useRef } from 'react';
import { type ChatWindowLabels, defaultLabels } from './labels';

/**
 * Default labels with the overrides applied. The result keeps its identity while the overrides are
 * shallow-equal, so an inline `labels={{ … }}` object does not re-render every message row.
 */
export function useLabels(overrides: Partial<ChatWindowLabels> | undefined): ChatWindowLabels {
  const cache = useRef<{ overrides: Partial<ChatWindowLabels> | undefined; labels: ChatWindowLabels }>(undefined);
  const previous = cache.current;
  if (previous && shallowEqual(previous.overrides, overrides)) return previous.labels;
  const labels = { ...defaultLabels, ...overrides };
  cache.current = { overrides, labels };
  return labels;
}

function shallowEqual(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keysA = Object.keys(a) as (keyof typeof a)[];
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => a[key] === b[key]);
}

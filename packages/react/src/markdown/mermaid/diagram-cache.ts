/**
 * Rendered diagrams, kept at module level by code and colour scheme, so a code block that mounts
 * again (a message list re-created, a story switched back, the same diagram in another answer)
 * shows its diagram in its first render, without a trip through the code view. Renders in flight
 * are shared. The cache holds the most recent `cacheLimit` diagrams.
 *
 * Mermaid itself is imported here, lazily, the first time a diagram has to be drawn.
 */

import type { ColorScheme } from './color-scheme';
import type { DiagramOutcome } from './render-diagram';

export type { DiagramOutcome };

const cacheLimit = 100;

const outcomes = new Map<string, DiagramOutcome>();
const pending = new Map<string, Promise<DiagramOutcome>>();

function keyOf(code: string, scheme: ColorScheme): string {
  return `${scheme}\n${code}`;
}

function remember(key: string, outcome: DiagramOutcome): void {
  outcomes.delete(key);
  outcomes.set(key, outcome);
  if (outcomes.size > cacheLimit) outcomes.delete(outcomes.keys().next().value as string);
}

/** The outcome already known for this diagram, if any. */
export function cachedDiagram(code: string, scheme: ColorScheme): DiagramOutcome | undefined {
  return outcomes.get(keyOf(code, scheme));
}

/** Renders the diagram (loading mermaid on first use) and caches the outcome. Never rejects. */
export function loadDiagram(code: string, scheme: ColorScheme): Promise<DiagramOutcome> {
  const key = keyOf(code, scheme);
  const known = outcomes.get(key);
  if (known) return Promise.resolve(known);
  let load = pending.get(key);
  if (!load) {
    load = import('./render-diagram')
      .then(
        async ({ renderDiagram }) => {
          const outcome = await renderDiagram(code, scheme);
          remember(key, outcome);
          return outcome;
        },
        // Not cached: the chunk may load on a later try (a flaky network).
        (error: unknown): DiagramOutcome => ({ error: `Mermaid could not be loaded: ${String(error)}` }),
      )
      .finally(() => pending.delete(key));
    pending.set(key, load);
  }
  return load;
}

/** Forgets every diagram (for tests). */
export function clearDiagramCache(): void {
  outcomes.clear();
  pending.clear();
}

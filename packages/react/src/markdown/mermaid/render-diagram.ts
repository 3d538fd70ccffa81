/**
 * Drawing one diagram with mermaid: the lazily loaded chunk (mermaid and DOMPurify come with it,
 * so an answer without a diagram never downloads either).
 *
 * Mermaid keeps one global configuration, so renders run one at a time, each after setting the
 * theme it needs. It runs with `securityLevel: 'strict'` (no click callbacks, links sanitized;
 * diagrams cannot loosen it with directives) and `suppressErrorRendering`, and every diagram is
 * parsed first: a syntax error becomes an error outcome, never mermaid's error picture. Mermaid
 * draws in a temporary element in `document.body`; whatever it leaves there is removed.
 */

import mermaid from 'mermaid';
import type { ColorScheme } from './color-scheme';
import { sanitizeSvg } from './sanitize-svg';

/** What rendering a diagram gave: its sanitized SVG, or why there is none. */
export type DiagramOutcome = { svg: string } | { error: string };

let queue: Promise<unknown> = Promise.resolve();
let renders = 0;

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() || 'Unknown error';
}

function removeLeftovers(id: string): void {
  for (const leftover of [id, `d${id}`, `i${id}`]) document.getElementById(leftover)?.remove();
}

async function renderNow(code: string, scheme: ColorScheme): Promise<DiagramOutcome> {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    theme: scheme === 'dark' ? 'dark' : 'default',
  });
  renders += 1;
  const id = `rivulet-mermaid-${renders}`;
  try {
    await mermaid.parse(code);
    const { svg } = await mermaid.render(id, code);
    return { svg: sanitizeSvg(svg) };
  } catch (error) {
    return { error: messageOf(error) };
  } finally {
    removeLeftovers(id);
  }
}

/** Renders `code` in the given scheme, after every render asked for before it. Never rejects. */
export function renderDiagram(code: string, scheme: ColorScheme): Promise<DiagramOutcome> {
  const result = queue.then(() => renderNow(code, scheme));
  queue = result;
  return result;
}

/**
 * The diagram of a ```` ```mermaid ```` code block, once its fence is closed: what to show (the
 * SVG, or nothing yet so the code stays), and whether drawing it failed.
 *
 * Once this block has shown a diagram it keeps showing it for as long as its code stays the same:
 * while the other theme's picture renders, and if the block is parsed again with its fence counted
 * open (a later fence starting below it in the same growing block). So a rendered diagram never
 * falls back to code; only new code (a fence that was not closed after all) brings the code back.
 */

import { type RefObject, useEffect, useRef, useState } from 'react';
import { type ColorScheme, useColorScheme } from './color-scheme';
import { cachedDiagram, type DiagramOutcome, loadDiagram } from './diagram-cache';

export interface DiagramOptions {
  /** The block is a mermaid diagram and diagrams are on. */
  enabled: boolean;
  /** The author closed the fence: the code is complete and can be drawn. */
  closed: boolean;
}

export interface DiagramState {
  /** The sanitized SVG to show instead of the code, once there is one. */
  svg: string | undefined;
  /** Why the diagram could not be drawn (the code stays, with a note), if it could not. */
  error: string | undefined;
}

interface Settled {
  code: string;
  scheme: ColorScheme;
  outcome: DiagramOutcome;
}

/** Follows the diagram of `code`; `element` is the block's box (its colour scheme is read from it). */
export function useDiagram(element: RefObject<Element | null>, code: string, options: DiagramOptions): DiagramState {
  const { enabled } = options;
  const ready = enabled && options.closed && code.trim() !== '';
  const { scheme, measured } = useColorScheme(element, enabled);
  // Outcomes that came back to this block but are not cached (mermaid failed to load).
  const [settled, setSettled] = useState<Settled | undefined>(undefined);
  const shown = useRef<{ code: string; svg: string } | undefined>(undefined);

  useEffect(() => {
    // Drawn only in the scheme read from the page, never in the first render's guess.
    if (!ready || !measured || cachedDiagram(code, scheme)) return;
    let live = true;
    loadDiagram(code, scheme).then((outcome) => {
      if (live) setSettled({ code, scheme, outcome });
    });
    return () => {
      live = false;
    };
  }, [ready, measured, code, scheme]);

  if (!enabled) return { svg: undefined, error: undefined };
  const outcome = ready
    ? (cachedDiagram(code, scheme) ??
      (settled?.code === code && settled.scheme === scheme ? settled.outcome : undefined))
    : undefined;
  if (outcome && 'error' in outcome) return { svg: undefined, error: outcome.error };
  let svg = outcome?.svg;
  if (svg === undefined && shown.current?.code === code) svg = shown.current.svg;
  if (svg !== undefined) shown.current = { code, svg };
  return { svg, error: undefined };
}

/**
 * One formula (`<rivulet-math>` in the tree; see `math-elements.ts`): KaTeX's rendering once the
 * math chunk has loaded, the TeX source dimmed until then. While its block still streams, a
 * formula that does not parse yet (`\frac{1}{` on its way) keeps showing its last good rendering,
 * or its source dimmed if it never had one: never KaTeX's error text, never raw delimiters. A
 * formula that is final and still does not parse shows its source, marked `data-state="error"`. A
 * display formula still empty in an open block shows nothing yet.
 */

import type { Element } from 'hast';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useIsomorphicLayoutEffect } from '../../use-stream';
import { isInOpenBlock } from '../open-fence';
import { hastText } from '../render-hast';
import { FormulaMarkup } from './formula-markup';
import { isMathLoaded, loadedMath, loadMath, subscribeMath } from './load-math';

export interface MathFormulaProps {
  node?: Element | undefined;
  'data-math'?: string | undefined;
}

const serverSnapshot = () => false;

export function MathFormula({ node, 'data-math': kind = 'inline' }: MathFormulaProps) {
  const tex = node ? hastText(node) : '';
  const display = kind === 'display';
  const isOpen = isInOpenBlock(node);
  const isLoaded = useSyncExternalStore(subscribeMath, isMathLoaded, serverSnapshot);
  useEffect(() => {
    if (!isLoaded) void loadMath();
  }, [isLoaded]);
  const outcome = isLoaded ? loadedMath()?.renderTex(tex, display) : undefined;
  const good = outcome && 'html' in outcome ? outcome.html : undefined;
  const lastGood = useRef<string | undefined>(undefined);
  useIsomorphicLayoutEffect(() => {
    if (good !== undefined) lastGood.current = good;
  });
  const html = good ?? (isOpen ? lastGood.current : undefined);
  const state = outcome && !isOpen ? 'error' : 'pending';
  // A display formula with nothing in it yet (a ```math fence just opened) is hidden, as repair
  // hides an empty `$$` block, until its content arrives.
  if (display && isOpen && tex.trim() === '') return null;
  return <FormulaMarkup kind={kind} tex={tex} html={html} state={state} />;
}

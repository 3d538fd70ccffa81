/**
 * When Rivulet's code blocks get their colours. Highlighting is idle-priority work, off the flush:
 * these figures show what that costs a reader, beside the flush figures it saves. Only blocks near
 * the viewport count (within one viewport height below it, as Rivulet's default `highlight` mode
 * sees them): blocks further down are highlighted when scrolled to, by design.
 */
import type { CodeColours } from '../shared/types';

const blockSelector = '.rivulet-code-block[data-language]';

function nearViewport(element: Element): boolean {
  return element.getBoundingClientRect().top < window.innerHeight * 2;
}

function isHighlighted(element: Element): boolean {
  return element.getAttribute('data-highlighted') === 'true';
}

/**
 * Watches `container` from now: when each code block first appears and when it is first shown
 * highlighted. `stop` reports the blocks near the viewport at that moment.
 */
export function watchCodeColours(container: HTMLElement): { stop(): CodeColours } {
  const appeared = new Map<Element, number>();
  const coloured = new Map<Element, number>();
  const scan = () => {
    const now = performance.now();
    for (const block of container.querySelectorAll(blockSelector)) {
      if (!appeared.has(block)) appeared.set(block, now);
      if (!coloured.has(block) && isHighlighted(block)) coloured.set(block, now);
    }
  };
  // Mutation records arrive in a microtask after each commit: close enough to the commit itself.
  const observer = new MutationObserver(scan);
  observer.observe(container, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-highlighted'],
  });
  scan();
  return {
    stop() {
      scan();
      observer.disconnect();
      const near = [...appeared.keys()].filter(nearViewport);
      const delays = near.flatMap((block) => {
        const at = coloured.get(block);
        return at === undefined ? [] : [at - (appeared.get(block) as number)];
      });
      return { nearBlocks: near.length, colouredBlocks: delays.length, delays };
    },
  };
}

/**
 * Resolves with the time from now until every code block near the viewport in `container` is
 * highlighted (0 when there are none or all already are), or NaN after `timeoutMs`.
 */
export function untilCodeColoured(container: HTMLElement, timeoutMs: number): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => {
    const poll = () => {
      const pending = [...container.querySelectorAll(blockSelector)].filter(
        (block) => nearViewport(block) && !isHighlighted(block),
      );
      const elapsed = performance.now() - start;
      if (pending.length === 0) resolve(elapsed);
      else if (elapsed > timeoutMs) resolve(Number.NaN);
      else setTimeout(poll, 5);
    };
    poll();
  });
}

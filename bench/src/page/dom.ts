/** DOM helpers shared by every bench page. */
import type { DomSummary } from '../shared/types';

export function summarize(container: HTMLElement): DomSummary {
  return {
    textLength: container.textContent?.length ?? 0,
    elements: container.getElementsByTagName('*').length,
    pre: container.getElementsByTagName('pre').length,
    table: container.getElementsByTagName('table').length,
  };
}

/** A fresh, visible container of a realistic chat column width. */
export function createContainer(): HTMLElement {
  const container = document.createElement('div');
  container.className = 'bench-container';
  document.body.append(container);
  return container;
}

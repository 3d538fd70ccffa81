/**
 * The default renderer of `<table>` in `<Markdown>`: the table inside its own horizontal scroll box
 * (`div.rivulet-table`), as GitHub renders them, so a wide table scrolls sideways with its words kept
 * whole instead of squeezing its cells or widening the message. Override `table` to replace it.
 */

import type { Element } from 'hast';
import type { ComponentPropsWithoutRef } from 'react';

export interface ScrollableTableProps extends ComponentPropsWithoutRef<'table'> {
  /** The hast `<table>` element, passed by the renderer. */
  node?: Element | undefined;
}

export function ScrollableTable({ node: _node, ...props }: ScrollableTableProps) {
  return (
    // It scrolls sideways when wide: keyboard users must be able to reach it (as shiki's `<pre>`).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container, focusable so it can be scrolled by keyboard
    <div className="rivulet-table" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

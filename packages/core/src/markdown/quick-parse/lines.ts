/**
 * What a single line is at block level, for the quick parser: its list marker and whether it
 * interrupts a paragraph. The syntax is `line-syntax.ts`'s; what is added here is the subset's
 * caution: lines that CommonMark could read two ways without the full rules throw `unsupported`.
 */

import {
  atxHeading,
  fenceOpening,
  indentation,
  isDelimiterRow,
  isThematicBreak,
  listMarker,
  quoteContent,
  setextLevel,
} from '../line-syntax';
import { unsupported } from './unsupported';

/** Columns of indentation (the subset has no tabs: columns are spaces). */
export function indentOf(line: string): number {
  return indentation(line).columns;
}

export interface Marker {
  /** `-`, `+`, `*`, `.` or `)`: items of one list share it. */
  kind: string;
  start: number | null;
  /** Columns before the item's content: continuation lines are indented at least this much. */
  width: number;
}

/** The list marker starting `line` (indented 0-3 spaces) with content after it, or `undefined`. */
export function markerOf(line: string): Marker | undefined {
  const marker = listMarker(line);
  if (!marker || marker.isEmpty) return undefined;
  // Five or more spaces start the content with indented code.
  if (line[marker.contentIndex] === ' ') unsupported();
  return { kind: marker.key, start: marker.ordered ? marker.start : null, width: marker.contentOffset };
}

/** Whether `rest` (a line without its indentation) is a list item marker with nothing after it. */
export function isEmptyItem(rest: string): boolean {
  return listMarker(rest)?.isEmpty === true;
}

/** Whether `line` (not blank, indented 0-3) ends a paragraph rather than continuing it. */
export function interruptsParagraph(line: string, indent: number): boolean {
  const rest = line.slice(indent);
  // Setext underlines, and delimiter rows (GFM takes `:-` without pipes too) under a table header.
  if (setextLevel(rest) !== undefined || isDelimiterRow(rest)) unsupported();
  const fence = fenceOpening(rest);
  if (fence?.char === '~') unsupported();
  if (atxHeading(rest) || isThematicBreak(rest) || quoteContent(rest) !== undefined || fence) return true;
  // A list interrupts a paragraph only with a bullet or the number 1.
  const marker = markerOf(line);
  return marker !== undefined && (marker.start === null || marker.start === 1);
}

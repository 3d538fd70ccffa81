/**
 * What a single line is at block level (blank, heading, thematic break, list marker, delimiter
 * row) and whether it interrupts a paragraph: the line rules the block, list and table parsers
 * share. Lines that CommonMark could read two ways without the full rules throw `unsupported`.
 */

import { unsupported } from './unsupported';

export const blank = /^ *$/;
export const heading = /^(#{1,6})(?: (.*))?$/;
export const thematicBreak = /^(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/;
const setextUnderline = /^(?:=+|-+) *$/;
const listMarker = /^([-+*]|(\d{1,9})([.)]))( +)(?=\S)/;
/** A list marker with no content: an empty item, which has rules of its own. */
export const emptyItem = /^(?:[-+*]|\d{1,9}[.)]) *$/;
export const anyListStart = /^(?:[-+*]|\d{1,9}[.)])(?: |$)/;
export const delimiterRow = /^\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/;

export function indentOf(line: string): number {
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent += 1;
  return indent;
}

export interface Marker {
  /** `-`, `+`, `*`, `.` or `)`: items of one list share it. */
  kind: string;
  start: number | null;
  /** Columns before the item's content: continuation lines are indented at least this much. */
  width: number;
}

/** The list marker starting `line` (indented 0-3 spaces), or `undefined`. */
export function markerOf(line: string, indent: number): Marker | undefined {
  const match = listMarker.exec(line.slice(indent));
  if (!match) return undefined;
  const spaces = (match[4] as string).length;
  // Five or more spaces start the content with indented code.
  if (spaces > 4) unsupported();
  const ordered = match[2] !== undefined;
  return {
    kind: ordered ? (match[3] as string) : (match[1] as string),
    start: ordered ? Number(match[2]) : null,
    width: indent + (match[0] as string).length,
  };
}

/** Whether `line` (not blank, indented 0-3) ends a paragraph rather than continuing it. */
export function interruptsParagraph(line: string, indent: number): boolean {
  const rest = line.slice(indent);
  // Setext underlines, and delimiter rows (GFM takes `:-` without pipes too) under a table header.
  if (setextUnderline.test(rest) || delimiterRow.test(rest)) unsupported();
  if (rest.startsWith('~~~')) unsupported();
  if (heading.test(rest) || thematicBreak.test(rest) || rest[0] === '>' || rest.startsWith('```')) return true;
  // A list interrupts a paragraph only with a bullet or the number 1.
  const marker = markerOf(line, indent);
  return marker !== undefined && (marker.start === null || marker.start === 1);
}

/**
 * Line-level Markdown syntax: what a single line of text can start, as CommonMark and GFM see it.
 * Pure functions over one line (without its line ending): the one home of these rules, read by the
 * block scanner (and so the splitters), repair, the quick parser and `@rivulet/react`'s open-fence
 * shortcut. Columns follow CommonMark: a tab advances to the next multiple of four.
 */

import { HTML_ATTRIBUTE } from './inline-syntax';

/** Leading indentation of `line` in columns, and the index of its first non-space character. */
export function indentation(line: string, from = 0): { columns: number; index: number } {
  let columns = 0;
  let index = from;
  while (index < line.length) {
    const char = line.charCodeAt(index);
    if (char === 32) columns += 1;
    else if (char === 9) columns += 4 - (columns % 4);
    else break;
    index += 1;
  }
  return { columns, index };
}

/** Where the line holding `index` starts in `text`. */
export function lineStartOf(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** True when the line holds only spaces and tabs (or nothing). */
export function isBlank(line: string): boolean {
  return /^[ \t]*\r?$/.test(line);
}

/** Remove `count` columns of leading indentation (a tab that straddles the cut counts as spaces). */
export function stripColumns(line: string, count: number): string {
  let columns = 0;
  let index = 0;
  while (index < line.length && columns < count) {
    const char = line.charCodeAt(index);
    if (char === 32) columns += 1;
    else if (char === 9) {
      const width = 4 - (columns % 4);
      if (columns + width > count) return ' '.repeat(columns + width - count) + line.slice(index + 1);
      columns += width;
    } else break;
    index += 1;
  }
  return line.slice(index);
}

/** A code fence's opening line. */
export interface FenceOpening {
  char: '`' | '~';
  length: number;
  /** Columns of indentation before the fence (0-3). */
  indent: number;
  /** The info string as written: the rest of the line after the fence run (`js title="a.js"`). */
  info: string;
}

/** A code fence opener: three or more backticks or tildes; a backtick fence's info has no backtick. */
export function fenceOpening(line: string): FenceOpening | undefined {
  const match = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
  if (!match) return undefined;
  const run = match[2] ?? '';
  const info = match[3] ?? '';
  const char = run[0] === '`' ? '`' : '~';
  if (char === '`' && info.includes('`')) return undefined;
  return { char, length: run.length, indent: (match[1] ?? '').length, info };
}

/** True when `line` closes a fence opened by `fence`: same character, at least as long, nothing after. */
export function closesFence(line: string, fence: Pick<FenceOpening, 'char' | 'length'>): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*\r?$/.exec(line);
  const run = match?.[1];
  return run !== undefined && run[0] === fence.char && run.length >= fence.length;
}

/**
 * The run of backticks or tildes `line` holds alone, after container markers (`>`, indentation):
 * the closing line of a fence, or (shorter, at the end of a stream) one being typed, which repair
 * completes rather than show it as code. `undefined` for any other line.
 */
export function closingFenceRun(line: string): Pick<FenceOpening, 'char' | 'length'> | undefined {
  const run = /^[ \t>]*(`+|~+)[ \t]*$/.exec(line)?.[1];
  return run === undefined ? undefined : { char: run[0] === '`' ? '`' : '~', length: run.length };
}

/**
 * A display math opener: two or more `$` alone on the line (up to three spaces in). remark-math
 * also reads `$$ meta` as one; `normalizeMath` never leaves such a line for it. Returns the run's length.
 */
export function mathOpening(line: string): number | undefined {
  const match = /^ {0,3}(\$\$+)[ \t]*\r?$/.exec(line);
  return match ? (match[1] ?? '').length : undefined;
}

/** True when `line` closes display math opened by a run of `length` `$`. */
export function closesMath(line: string, length: number): boolean {
  const run = /^ {0,3}(\$+)[ \t]*\r?$/.exec(line)?.[1];
  return run !== undefined && run.length >= length;
}

/** An ATX heading: its level and its text, without the optional closing run of `#`. */
export function atxHeading(line: string): { depth: 1 | 2 | 3 | 4 | 5 | 6; text: string } | undefined {
  const match = /^ {0,3}(#{1,6})(?:[ \t]([\s\S]*))?\r?$/.exec(line);
  if (!match) return undefined;
  const text = (match[2] ?? '')
    .trim()
    .replace(/(?:^|[ \t]+)#+$/, '')
    .trim();
  return { depth: (match[1] ?? '#').length as 1, text };
}

export function isAtxHeading(line: string): boolean {
  return atxHeading(line) !== undefined;
}

export function isThematicBreak(line: string): boolean {
  return /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$/.test(line);
}

/** A setext underline (`===` or `---`); `level` 1 or 2. */
export function setextLevel(line: string): 1 | 2 | undefined {
  const match = /^ {0,3}(=+|-+)[ \t]*\r?$/.exec(line);
  if (!match) return undefined;
  return match[1]?.[0] === '=' ? 1 : 2;
}

export interface ListMarker {
  /** Identifies the list a marker belongs to: the bullet character, or the ordered delimiter. */
  key: string;
  ordered: boolean;
  /** Start number of an ordered item. */
  start: number;
  /** Columns from the line start to the item's content. */
  contentOffset: number;
  /** Index in the line where the item's content begins. */
  contentIndex: number;
  /** True when nothing follows the marker on this line. */
  isEmpty: boolean;
}

/** A list item marker at the start of `line` (thematic breaks are not list items). */
export function listMarker(line: string): ListMarker | undefined {
  const match = /^( {0,3})([-+*]|(\d{1,9})([.)]))(?=[ \t]|\r?$)/.exec(line);
  if (!match) return undefined;
  if (isThematicBreak(line)) return undefined;
  const marker = match[2] ?? '';
  const ordered = match[3] !== undefined;
  const markerEnd = match[0].length;
  const rest = line.slice(markerEnd);
  const isEmpty = isBlank(rest);
  const { columns, index } = indentation(line, markerEnd);
  const markerColumns = indentation(line).columns + marker.length;
  // Five or more spaces after the marker mean indented code inside the item: content starts after one.
  const contentOffset = isEmpty || columns > 4 ? markerColumns + 1 : markerColumns + columns;
  return {
    key: ordered ? (match[4] ?? '.') : marker,
    ordered,
    start: ordered ? Number(match[3]) : 1,
    contentOffset,
    contentIndex: isEmpty ? line.length : columns > 4 ? markerEnd + 1 : index,
    isEmpty,
  };
}

/** A block quote marker: returns the line after `>` and one optional space, or undefined. */
export function quoteContent(line: string): string | undefined {
  const match = /^ {0,3}>/.exec(line);
  if (!match) return undefined;
  const rest = line.slice(match[0].length);
  return rest.startsWith(' ') ? rest.slice(1) : rest.startsWith('\t') ? stripColumns(rest, 1) : rest;
}

const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl ' +
    'dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend ' +
    'li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td ' +
    'tfoot th thead title tr track ul'
  ).split(' '),
);

/** A line holding one complete open or closing tag and nothing else (HTML block kind 7). */
const COMPLETE_TAG_LINE = new RegExp(
  String.raw`^(?:<[A-Za-z][A-Za-z0-9-]*(?:${HTML_ATTRIBUTE})*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*\r?$`,
);

/** How an HTML block ends: at a line containing `end`, or (kinds 6 and 7) at a blank line. */
export interface HtmlOpening {
  kind: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  end?: RegExp;
}

/** The HTML block a line opens, per the seven CommonMark start conditions. */
export function htmlOpening(line: string, interruptsParagraph: boolean): HtmlOpening | undefined {
  const text = /^ {0,3}(<.*)$/.exec(line)?.[1];
  if (text === undefined) return undefined;
  if (/^<(?:pre|script|style|textarea)(?:[ \t>]|$)/i.test(text)) {
    return { kind: 1, end: /<\/(?:pre|script|style|textarea)>/i };
  }
  if (text.startsWith('<!--')) return { kind: 2, end: /-->/ };
  if (text.startsWith('<?')) return { kind: 3, end: /\?>/ };
  if (/^<![A-Za-z]/.test(text)) return { kind: 4, end: />/ };
  if (text.startsWith('<![CDATA[')) return { kind: 5, end: /\]\]>/ };
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[ \t>]|\/>|\r?$)/.exec(text)?.[1];
  if (tag !== undefined && BLOCK_TAGS.has(tag.toLowerCase())) return { kind: 6 };
  if (interruptsParagraph) return undefined;
  return COMPLETE_TAG_LINE.test(text) ? { kind: 7 } : undefined;
}

/**
 * True when `line` is, so far, the start of an HTML block that can interrupt a paragraph (kinds 1 to
 * 6: `<di` on its way to `<div`, `<!-`, `</`), though not one yet. Such a line turns into raw HTML,
 * which is never shown, as soon as it is complete.
 */
export function isHtmlBlockStartSoFar(line: string): boolean {
  const text = /^ {0,3}(<.*)$/.exec(line)?.[1];
  if (text === undefined || htmlOpening(line, true) !== undefined) return false;
  if ('<!--'.startsWith(text) || '<![CDATA['.startsWith(text) || text === '<?') return true;
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)?$/.exec(text);
  if (!name) return false;
  const prefix = (name[1] ?? '').toLowerCase();
  if (prefix === '') return true;
  for (const tag of BLOCK_TAGS) if (tag.startsWith(prefix)) return true;
  return !text.startsWith('</') && ['pre', 'script', 'style', 'textarea'].some((tag) => tag.startsWith(prefix));
}

/**
 * Cells of a GFM table row, trimmed: split on pipes that are not escaped (a backslash escapes the
 * character after it, so `\\|` splits and `\|` does not), the escapes kept for the cell's
 * inline content. A pipe ending the row closes the last cell; a row of only `|` has no cells.
 */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  const text = line.trim();
  const row = text.startsWith('|') ? text.slice(1) : text;
  let start = 0;
  for (const index of cellPipes(row)) {
    cells.push(row.slice(start, index).trim());
    start = index + 1;
  }
  const last = row.slice(start).trim();
  if (last !== '' || start < row.length || !text.endsWith('|')) cells.push(last);
  return cells;
}

/**
 * Offsets of the pipes that split `line` into table cells: every pipe not escaped by a backslash
 * (GFM splits cells on them before it reads code spans, so a pipe inside backticks splits too).
 */
export function cellPipes(line: string): number[] {
  const offsets: number[] = [];
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '\\') index += 1;
    else if (char === '|') offsets.push(index);
  }
  return offsets;
}

/** One whole-line link reference definition, `[id]: destination "optional title"` (not a footnote). */
const linkDefinitionLine = /^ {0,3}\[(?!\^)(?:[^\]\\\n]|\\.){1,999}\]:[ \t]*\S.*$/gm;

/** The whole-line link reference definitions of `text`, in order (a footnote `[^id]:` is not one). */
export function linkDefinitionLines(text: string): string[] {
  return text.match(linkDefinitionLine) ?? [];
}

/**
 * A line that starts a link reference definition or a footnote definition, at the top level or
 * inside quotes and list items: `[label]:`, whose label may span lines and hold escaped brackets.
 * A task list item (`- [ ] x`) is not one.
 */
const definitionStart = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*\[(?:[^\]\\]|\\[\s\S]){0,999}\]:/m;

/** Whether `text` may hold a definition anywhere (see `definitionStart`); may say yes too often, never no wrongly. */
export function mayHoldDefinition(text: string): boolean {
  return text.includes(']:') && definitionStart.test(text);
}

/** The opening of a footnote definition, `[^label]:` (label captured) and the spaces after it. */
const footnoteOpening = /^ {0,3}\[\^([^\]\s\\^]{1,999})\]:[ \t]*/;
const footnoteOpenings = new RegExp(footnoteOpening.source, 'gm');

/** The length of the footnote definition opening `line` (`[^1]: `), or 0 when it opens none. */
export function footnoteDefinitionStart(line: string): number {
  return footnoteOpening.exec(line)?.[0].length ?? 0;
}

/**
 * The labels of the footnote definitions `text` opens at the start of a line, in order (`[^1]: a`
 * gives `1`); may include lines inside code, which the caller's parse tells apart.
 */
export function footnoteDefinitionLabels(text: string): string[] {
  if (!text.includes('[^')) return [];
  return Array.from(text.matchAll(footnoteOpenings), (match) => match[1] as string);
}

/** True when `line` is a complete GFM delimiter row (`| --- | :-: |`). */
export function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false;
  if (!/^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*\r?$/.test(line)) return false;
  // A bare `---` line is a setext underline or a thematic break, never a delimiter row.
  return line.includes('|') || line.includes(':');
}

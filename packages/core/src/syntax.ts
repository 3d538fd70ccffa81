/**
 * `@rivulet/core/syntax`: the Markdown rules Rivulet's splitter, repair and renderer share, for
 * renderers built on them. `quickParse` gives remark's tree for the Markdown LLMs write most, and
 * the line rules tell what a line of Markdown opens (a fence, a list item) as CommonMark reads it.
 * Lower level than the main entry: what `@rivulet/react` uses, exported so it has one home.
 */

export { findRun, footnoteCall, runEnd } from './markdown/inline-syntax';
export type { FenceOpening, ListMarker } from './markdown/line-syntax';
export {
  cellPipes,
  closesFence,
  closingFenceRun,
  fenceOpening,
  footnoteDefinitionLabels,
  indentation,
  isBlank,
  linkDefinitionLines,
  listMarker,
  mayHoldDefinition,
} from './markdown/line-syntax';
export { quickParse } from './markdown/quick-parse';

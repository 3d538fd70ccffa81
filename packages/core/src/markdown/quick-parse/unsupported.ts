/**
 * Thrown (and caught by `quickParse`) when the text leaves the subset the quick parser handles:
 * the caller then parses it with the full pipeline.
 */
export class UnsupportedMarkdown extends Error {
  constructor() {
    super('Markdown outside the quick-parse subset');
  }
}

const instance = new UnsupportedMarkdown();

/** Leaves the quick parser: the text needs the full pipeline. */
export function unsupported(): never {
  throw instance;
}

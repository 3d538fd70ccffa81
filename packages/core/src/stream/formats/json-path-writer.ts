/**
 * Writes values addressed by JSON path (`$.recipe.steps[0]`) as JSON text, as they arrive, so the
 * arguments of a tool call streamed field by field (Vertex AI's `partialArgs`) reach the UI as text
 * deltas that join into one valid JSON object, exactly like arguments streamed as text.
 *
 * Invariants: each call returns only new text and nothing written is ever taken back; once `end()`
 * has run, the text written is one complete JSON object (`{}` when no value came). Paths are
 * expected in document order, the order a model writes them: leaving an object or array closes it.
 * A path that goes back into a closed container still yields valid JSON (the key is written again,
 * and JSON parsers keep the last one), never broken text.
 */

/** One step of a JSON path: an object key or an array index. */
export type JsonPathSegment = string | number;

/** A value a path can carry: a string (possibly in pieces) or a JSON scalar. */
export type JsonPathValue = string | number | boolean | null;

const INDEX = /^\[(\d+)\]/;
const NAME = /^\.([^.[]+)/;

/**
 * The segments of a JSON path in the forms RFC 9535 normalized paths use (`$.a.b[0]`,
 * `$['key with spaces']`); undefined for anything else (wildcards, filters, slices).
 */
export function parseJsonPath(path: string): JsonPathSegment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: JsonPathSegment[] = [];
  let rest = path.slice(1);
  while (rest !== '') {
    const index = INDEX.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      segments.push(name[1] as string);
      rest = rest.slice(name[0].length);
      continue;
    }
    const quoted = readQuotedKey(rest);
    if (!quoted) return undefined;
    segments.push(quoted.key);
    rest = rest.slice(quoted.length);
  }
  return segments;
}

/** Reads `['key']` or `["key"]` (with backslash escapes) at the start of `text`. */
function readQuotedKey(text: string): { key: string; length: number } | undefined {
  const quote = text[1];
  if (text[0] !== '[' || (quote !== "'" && quote !== '"')) return undefined;
  let key = '';
  for (let position = 2; position < text.length; position++) {
    const char = text[position] as string;
    if (char === '\\') {
      position++;
      const escaped = text[position];
      if (escaped === undefined) return undefined;
      key += escaped;
    } else if (char === quote) {
      return text[position + 1] === ']' ? { key, length: position + 2 } : undefined;
    } else key += char;
  }
  return undefined;
}

interface Container {
  isArray: boolean;
  /** Members written so far. */
  count: number;
}

/** The inside of a JSON string literal for `text`, without its quotes. */
function escapeString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

export class JsonPathWriter {
  /** Open containers, the root object first. */
  private readonly open: Container[] = [];
  /** Path of the last value written. */
  private last: JsonPathSegment[] = [];
  private isStringOpen = false;
  private isEnded = false;

  /**
   * Writes `value` at `path` and returns the text to append. A string with `continues` stays open:
   * the next piece for the same path is appended to it.
   */
  write(path: readonly JsonPathSegment[], value: JsonPathValue, continues = false): string {
    if (this.isEnded || path.length === 0) return '';
    let text = '';
    if (this.open.length === 0) {
      text += '{';
      this.open.push({ isArray: false, count: 0 });
    }
    if (this.isStringOpen) {
      if (typeof value === 'string' && samePath(path, this.last)) return text + this.writeString(value, continues);
      text += '"';
      this.isStringOpen = false;
    }
    text += this.moveTo(path);
    this.last = [...path];
    if (typeof value === 'string') return `${text}"${this.writeString(value, continues)}`;
    return text + JSON.stringify(value);
  }

  /** Closes what is still open and returns the text to append; `{}` when nothing was written. */
  end(): string {
    if (this.isEnded) return '';
    this.isEnded = true;
    if (this.open.length === 0) return '{}';
    let text = this.isStringOpen ? '"' : '';
    this.isStringOpen = false;
    while (this.open.length > 0) text += this.open.pop()?.isArray ? ']' : '}';
    return text;
  }

  private writeString(piece: string, continues: boolean): string {
    this.isStringOpen = continues;
    return escapeString(piece) + (continues ? '' : '"');
  }

  /** Closes the containers `path` leaves, opens those it enters, and writes its key. */
  private moveTo(path: readonly JsonPathSegment[]): string {
    let shared = 0;
    while (shared < path.length && shared < this.last.length && path[shared] === this.last[shared]) shared++;
    // The container the new member goes in: the deepest one both paths share and that is still open.
    const depth = Math.min(shared, path.length - 1, this.open.length - 1);
    let text = '';
    while (this.open.length > depth + 1) text += this.open.pop()?.isArray ? ']' : '}';
    text += this.member(this.open[depth] as Container, path[depth] as JsonPathSegment);
    for (let level = depth + 1; level < path.length; level++) {
      const segment = path[level] as JsonPathSegment;
      const container: Container = { isArray: typeof segment === 'number', count: 0 };
      this.open.push(container);
      text += (container.isArray ? '[' : '{') + this.member(container, segment);
    }
    return text;
  }

  /** The separator and key of a new member of `container`; an array index past the end is padded with nulls. */
  private member(container: Container, segment: JsonPathSegment): string {
    let text = '';
    if (container.isArray) {
      const index = typeof segment === 'number' ? segment : container.count;
      while (container.count < index) {
        text += container.count > 0 ? ',null' : 'null';
        container.count++;
      }
      text += container.count > 0 ? ',' : '';
    } else {
      text += `${container.count > 0 ? ',' : ''}${JSON.stringify(String(segment))}:`;
    }
    container.count++;
    return text;
  }
}

function samePath(a: readonly JsonPathSegment[], b: readonly JsonPathSegment[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

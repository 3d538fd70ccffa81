/**
 * Incremental tokens of one code block. Complete lines are tokenized once, in chunks sized to
 * the time left, each resuming from the grammar state after the previous one; the partial last
 * line of a growing block is tokenized again on each pass. Tokens only ever get added, so a
 * line once highlighted stays highlighted while the block grows.
 *
 * Pure bookkeeping over a `Tokenize` function: the same code runs on the main thread and in the
 * highlighting worker.
 */

import type { GrammarState } from 'shiki/core';

/** Theme colours of a piece of code, as CSS variables (`--shiki-light`, `--shiki-dark`, ...). */
export type CodeStyle = Readonly<Record<string, string>>;

/**
 * A token as a code block renders it: its text and its style. Tokens in the themes' default
 * colours have no `htmlStyle`: they take the base style (`HighlightEngine.baseStyle`) from
 * their line, so most of a block's text needs no element of its own.
 */
export interface CodeToken {
  readonly content: string;
  readonly htmlStyle?: CodeStyle | undefined;
}

export type TokenLine = readonly CodeToken[];
export type TokenLines = readonly TokenLine[];

/** Tokens of complete lines and the grammar state after them, to resume tokenizing from. */
export interface TokenizedCode {
  readonly lines: TokenLines;
  readonly state: GrammarState | undefined;
}

/** Tokenizes `code` in one language, resuming from `state`; `undefined` when the grammar cannot. */
export type Tokenize = (code: string, state?: GrammarState) => TokenizedCode | undefined;

export interface CodeTokens {
  /** The text tokenized so far: whole lines, each with its `\n` (the last may lack it once final). */
  text: string;
  lines: TokenLine[];
  state: GrammarState | undefined;
  /** Counts restarts (code replaced rather than extended), so a reader knows earlier lines are void. */
  generation: number;
  /** Measured cost, to size the next chunk to the time left. */
  msPerChar: number;
  /** The language could not tokenize this code: leave it plain. */
  failed: boolean;
}

export function createCodeTokens(): CodeTokens {
  return { text: '', lines: [], state: undefined, generation: 0, msPerChar: 0.01, failed: false };
}

function restart(tokens: CodeTokens): void {
  Object.assign(tokens, createCodeTokens(), { generation: tokens.generation + 1 });
}

/**
 * Tokenizes more lines of `code` until `deadline` (a `performance.now()` time): its complete
 * lines, or all of it when `final`. At least one chunk runs per call. Returns true when done.
 */
export function tokenizeMore(
  tokens: CodeTokens,
  code: string,
  final: boolean,
  deadline: number,
  tokenize: Tokenize,
): boolean {
  if (!code.startsWith(tokens.text)) restart(tokens);
  const end = final ? code.length : code.lastIndexOf('\n') + 1;
  let first = true;
  while (!tokens.failed && tokens.text.length < end) {
    const started = performance.now();
    if (!first && started >= deadline) return false;
    first = false;
    const start = tokens.text.length;
    const wanted = Math.max(1, Math.floor((deadline - started) / tokens.msPerChar));
    const newline = code.indexOf('\n', Math.min(start + wanted, end) - 1);
    const chunkEnd = newline === -1 || newline + 1 > end ? end : newline + 1;
    const chunk = code.slice(start, chunkEnd);
    // Without its final newline, which would add an empty line.
    const result = tokenize(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk, tokens.state);
    if (!result) {
      tokens.failed = true;
      break;
    }
    for (const line of result.lines) tokens.lines.push(line);
    tokens.text = code.slice(0, chunkEnd);
    tokens.state = result.state;
    const perChar = (performance.now() - started) / Math.max(1, chunk.length);
    tokens.msPerChar = Math.max(0.0005, (tokens.msPerChar + perChar) / 2);
  }
  return true;
}

/** The lines to show for `code` once `tokenizeMore` is done: the tokenized lines, plus the partial last one. */
export function tokenLines(tokens: CodeTokens, code: string, tokenize: Tokenize): TokenLines {
  const partial = code.slice(tokens.text.length);
  if (partial === '' || partial.includes('\n')) return tokens.lines.slice();
  const tail = tokenize(partial, tokens.state);
  return tail ? [...tokens.lines, ...tail.lines] : tokens.lines.slice();
}

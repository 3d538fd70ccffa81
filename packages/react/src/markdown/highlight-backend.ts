/**
 * Where code is tokenized. By default in a Web Worker (`highlight-worker-backend.ts`), so
 * tokenizing and compiling grammars never take time from streaming updates or frames; on the
 * main thread in slices (`highlight-main-thread.ts`) where no worker can run: no `Worker` (server
 * rendering, tests in jsdom), a worker that fails to start (a Content Security Policy without
 * `worker-src blob:`), or `configureHighlighting({ worker: false })`.
 */

import type { LanguageRegistration } from 'shiki/core';
import type { CodeStyle, TokenLines } from './code-tokens';

/** The tokens of one code block, kept between passes so a growing block costs only its new lines. */
export interface HighlightSession {
  /**
   * Tokenizes `code` (all of it when `final`, else its complete lines plus the partial last
   * one) and calls `done` once with every line's tokens, or `undefined` when nothing can be
   * shown (the grammar failed, or the backend stopped). One run at a time per session.
   */
  run(code: string, final: boolean, done: (lines: TokenLines | undefined) => void): void;
  /** The block is gone. */
  dispose(): void;
}

export interface HighlightBackend {
  readonly kind: 'worker' | 'main-thread';
  /** The themes' default colours (see `CodeToken`), known once a language has been added. */
  readonly baseStyle: CodeStyle | undefined;
  /** Compiles a language; resolves to the name to tokenize with, or `undefined` if unusable. */
  addLanguage(key: string, grammars: LanguageRegistration[]): Promise<string | undefined>;
  /** A session for one code block in a language `addLanguage` accepted. */
  openSession(name: string): HighlightSession;
}

/**
 * Messages between the main thread and the highlighting worker. Everything is structured-clone
 * data: grammars and themes travel as the JSON-like objects shiki ships, tokens as `CodeToken`s.
 */

import type { LanguageRegistration, ThemeRegistrationAny } from 'shiki/core';
import type { CodeStyle, TokenLines } from './code-tokens';

export type ToWorker =
  /** First message: the themes to build the highlighter with. */
  | { type: 'themes'; themes: ThemeRegistrationAny[] }
  /** Compile a language; answered by a `language` message with the same key. */
  | { type: 'language'; key: string; grammars: LanguageRegistration[] }
  /**
   * Tokenize a code block's current text. `id` names the block: the worker keeps its tokens
   * between requests, so a growing block costs only its new lines. Answered by `tokens`.
   */
  | { type: 'tokenize'; id: number; name: string; code: string; final: boolean }
  /** The block is gone: forget its tokens. */
  | { type: 'release'; id: number };

export type FromWorker =
  /** The highlighter is built (answers `themes`): the themes' default colours, `null` if it failed. */
  | { type: 'themes'; baseStyle: CodeStyle | null }
  /** `name` is the language to tokenize with, or `null` when the grammar cannot be used. */
  | { type: 'language'; key: string; name: string | null }
  /**
   * The block's lines from index `base` on (complete lines before `base` are unchanged since the
   * previous answer). `failed` when the grammar could not tokenize this code.
   */
  | { type: 'tokens'; id: number; base: number; lines: TokenLines; failed: boolean };

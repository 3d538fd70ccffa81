/**
 * Highlighting state of one code block.
 *
 * - A finished block is tokenized once, synchronously, as soon as its grammar is ready
 *   (cached by language and code), so it never shows plain text again after that.
 * - An open (streaming) block is tokenized incrementally at a capped rate: complete lines are
 *   tokenized once, resuming from the grammar state after the previous ones, and only the
 *   partial last line is tokenized again. The result only ever grows, so a highlighted line
 *   never drops back to plain text; lines newer than the last pass show as plain text.
 */

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { GrammarState, ThemedToken } from 'shiki/core';
import {
  type LanguageStatus,
  languageStatus,
  loadLanguage,
  subscribeLanguages,
  tokenize,
  tokenizeFinished,
} from './highlighter';

/** Minimum time between two highlighting passes of an open code block. */
export const openBlockHighlightIntervalMs = 120;

type Lines = readonly (readonly ThemedToken[])[];

interface Incremental {
  lang: string;
  /** The text of the complete lines tokenized so far (each ends with `\n`). */
  committedText: string;
  committedLines: ThemedToken[][];
  state: GrammarState | undefined;
}

function serverStatus(): LanguageStatus {
  return 'idle';
}

/** Re-renders when the language's status changes; starts loading it when enabled. */
function useLanguageStatus(lang: string, enabled: boolean): LanguageStatus {
  const status = useSyncExternalStore(
    subscribeLanguages,
    () => (enabled && lang ? languageStatus(lang) : 'idle'),
    serverStatus,
  );
  useEffect(() => {
    if (enabled && lang && status === 'idle') void loadLanguage(lang);
  }, [enabled, lang, status]);
  return status;
}

/** Extends `incremental` to cover `code`; returns the lines to show. */
function advance(incremental: Incremental, code: string): Lines | undefined {
  if (!code.startsWith(incremental.committedText)) {
    incremental.committedText = '';
    incremental.committedLines = [];
    incremental.state = undefined;
  }
  const lastNewline = code.lastIndexOf('\n');
  const complete = code.slice(0, lastNewline + 1);
  if (complete.length > incremental.committedText.length) {
    // Tokenize the new complete lines without their final newline, which would add an empty line.
    const fresh = complete.slice(incremental.committedText.length, -1);
    const result = tokenize(fresh, incremental.lang, incremental.state);
    if (!result) return undefined;
    incremental.committedLines.push(...(result.lines as ThemedToken[][]));
    incremental.committedText = complete;
    incremental.state = result.state;
  }
  const partial = code.slice(lastNewline + 1);
  if (partial === '') return [...incremental.committedLines];
  const tail = tokenize(partial, incremental.lang, incremental.state);
  return tail ? [...incremental.committedLines, ...tail.lines] : [...incremental.committedLines];
}

/**
 * The token lines to show for `code`, or `undefined` while it renders as plain text.
 * Lines of `code` past the returned lines (or longer than them) render as plain text.
 */
export function useCodeHighlight(
  code: string,
  lang: string,
  options: { enabled: boolean; open: boolean },
): Lines | undefined {
  const status = useLanguageStatus(lang, options.enabled);
  const ready = options.enabled && status === 'ready';
  const incremental = useRef<Incremental | undefined>(undefined);
  const [openLines, setOpenLines] = useState<Lines | undefined>(undefined);
  const lastPass = useRef(0);

  useEffect(() => {
    if (!ready || !options.open) return;
    if (incremental.current?.lang !== lang) {
      incremental.current = { lang, committedText: '', committedLines: [], state: undefined };
    }
    const state = incremental.current;
    const run = () => {
      lastPass.current = Date.now();
      const lines = advance(state, code);
      if (lines) setOpenLines(lines);
    };
    const wait = openBlockHighlightIntervalMs - (Date.now() - lastPass.current);
    if (wait <= 0) {
      run();
      return;
    }
    const timer = setTimeout(run, wait);
    return () => clearTimeout(timer);
  }, [ready, options.open, lang, code]);

  if (!ready) return undefined;
  if (!options.open) return tokenizeFinished(code, lang) ?? openLines;
  return openLines;
}

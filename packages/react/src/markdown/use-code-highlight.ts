/**
 * Highlighting state of one code block. Tokenizing never runs during rendering: it is queued
 * (`highlight-queue.ts`) and done in short slices between tasks, and the block shows the lines
 * tokenized so far, the rest as plain text.
 *
 * - An open (streaming) block is tokenized incrementally at a capped rate: complete lines once,
 *   resuming from the grammar state after the previous ones, and the partial last line again
 *   on each pass (`code-tokens.ts`). Tokens only ever get added, so a highlighted line never
 *   drops back to plain text.
 * - When the block is finished, the same tokens are completed (never started over), then
 *   cached by language and code, so the same block mounted again shows them at once.
 */

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type CodeTokens, createCodeTokens, type TokenLines, tokenizeMore, tokenLines } from './code-tokens';
import { queueHighlight } from './highlight-queue';
import {
  finishedTokens,
  type LanguageStatus,
  languageStatus,
  loadLanguage,
  storeFinishedTokens,
  subscribeLanguages,
} from './highlighter';

/** Minimum time between two highlighting passes of an open code block. */
export const openBlockHighlightIntervalMs = 120;

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

/** The work of one code block: the latest code to highlight and the tokens so far. */
interface Work {
  code: string;
  lang: string;
  open: boolean;
  tokens: CodeTokens;
  /** When the last pass ended (`performance.now()`), to cap the rate of passes on an open block. */
  lastPass: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  cancel: (() => void) | undefined;
  publish: (shown: Shown) => void;
}

interface Shown {
  lang: string;
  lines: TokenLines;
}

/** One slice of a block's highlighting; true when its lines are shown. */
function runPass(work: Work, deadline: number): boolean {
  if (work.tokens.lang !== work.lang) work.tokens = createCodeTokens(work.lang);
  const final = !work.open;
  // The parser ends an open block's code with a newline, but its last line may still grow: it
  // is tokenized as the partial line until the next one starts, so complete lines stay final.
  const code = final || !work.code.endsWith('\n') ? work.code : work.code.slice(0, -1);
  if (!tokenizeMore(work.tokens, code, final, deadline)) return false;
  work.cancel = undefined;
  work.lastPass = performance.now();
  if (work.tokens.failed) return true;
  const lines = tokenLines(work.tokens, code);
  if (final) storeFinishedTokens(work.code, work.lang, lines);
  work.publish({ lang: work.lang, lines });
  return true;
}

/** Queues a pass over the latest code, unless one is queued already (it will see that code). */
function requestPass(work: Work): void {
  if (work.cancel || work.timer) return;
  const wait = work.open ? openBlockHighlightIntervalMs - (performance.now() - work.lastPass) : 0;
  const queue = () => {
    work.timer = undefined;
    work.cancel = queueHighlight((deadline) => runPass(work, deadline));
  };
  if (wait <= 0) queue();
  else work.timer = setTimeout(queue, wait);
}

function stop(work: Work): void {
  clearTimeout(work.timer);
  work.timer = undefined;
  work.cancel?.();
  work.cancel = undefined;
}

/**
 * The token lines to show for `code`, or `undefined` while it renders as plain text.
 * Lines of `code` past the returned lines (or longer than them) render as plain text.
 */
export function useCodeHighlight(
  code: string,
  lang: string,
  options: { enabled: boolean; open: boolean },
): TokenLines | undefined {
  const status = useLanguageStatus(lang, options.enabled);
  const ready = options.enabled && status === 'ready';
  const cached = ready && !options.open ? finishedTokens(code, lang) : undefined;
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const work = useRef<Work | null>(null);
  work.current ??= {
    code,
    lang,
    open: options.open,
    tokens: createCodeTokens(lang),
    lastPass: Number.NEGATIVE_INFINITY,
    timer: undefined,
    cancel: undefined,
    publish: setShown,
  };

  useEffect(() => {
    const current = work.current as Work;
    current.code = code;
    current.lang = lang;
    current.open = options.open;
    if (ready && !cached) requestPass(current);
    else stop(current);
  }, [ready, cached, lang, code, options.open]);
  useEffect(() => () => stop(work.current as Work), []);

  if (!ready) return undefined;
  return cached ?? (shown?.lang === lang ? shown.lines : undefined);
}

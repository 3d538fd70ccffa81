/**
 * Highlighting state of one code block. Tokenizing never runs during rendering: it runs in the
 * highlighting worker (or, as a fallback, in short slices on the main thread), and the block
 * shows the lines tokenized so far, the rest as plain text.
 *
 * - An open (streaming) block is tokenized incrementally at a capped rate: complete lines once,
 *   resuming from the grammar state after the previous ones, and the partial last line again
 *   on each pass (`code-tokens.ts`). Tokens only ever get added, so a highlighted line never
 *   drops back to plain text.
 * - When the block is finished, the same tokens are completed (never started over), then
 *   cached by language and code, so the same block mounted again shows them at once.
 * - Loading a grammar and each pass are idle-priority work (`idle.ts`): they start when the page
 *   has an idle period, so a page saturated by streaming updates keeps its CPU for the text.
 */

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { TokenLines } from './code-tokens';
import type { HighlightSession } from './highlight-backend';
import {
  finishedTokens,
  type LanguageStatus,
  languageStatus,
  loadLanguage,
  openHighlightSession,
  storeFinishedTokens,
  subscribeLanguages,
} from './highlighter';
import { idleAfter, whenIdle } from './idle';

/** Minimum time between two highlighting passes of an open code block. */
export const openBlockHighlightIntervalMs = 120;

function serverStatus(): LanguageStatus {
  return 'idle';
}

function noSubscription(): () => void {
  return () => {};
}

/**
 * The language's status; starts loading it when enabled and `load`. Only a block that may start
 * work (`load`) re-renders when the status changes: when a grammar becomes ready, the blocks of that
 * language far from the viewport (hundreds in a long chat) would all re-render at once, in one
 * synchronous update, for nothing: they have no tokens to show before their first pass. A waiting
 * block reads the status whenever it renders, and follows it from the moment it may start.
 */
function useLanguageStatus(lang: string, enabled: boolean, load: boolean): LanguageStatus {
  const status = useSyncExternalStore(
    enabled && load ? subscribeLanguages : noSubscription,
    () => (enabled && lang ? languageStatus(lang) : 'idle'),
    serverStatus,
  );
  useEffect(() => {
    if (!enabled || !load || !lang || status !== 'idle') return;
    return whenIdle(() => void loadLanguage(lang));
  }, [enabled, load, lang, status]);
  return status;
}

/** The work of one code block: the latest code to highlight and where its tokens are kept. */
interface Work {
  code: string;
  lang: string;
  open: boolean;
  session: HighlightSession | undefined;
  /** The language of `session`: a new language needs a new session. */
  sessionLang: string;
  /** A pass is running; when it ends, the latest code gets the next one. */
  busy: boolean;
  /** When the last pass ended (`performance.now()`), to cap the rate of passes on an open block. */
  lastPass: number;
  /** Cancels the next pass, which waits for its time and an idle period. */
  cancelPass: (() => void) | undefined;
  publish: (shown: Shown) => void;
}

interface Shown {
  lang: string;
  lines: TokenLines;
}

function sessionFor(work: Work): HighlightSession | undefined {
  if (work.session && work.sessionLang === work.lang) return work.session;
  work.session?.dispose();
  work.session = openHighlightSession(work.lang);
  work.sessionLang = work.lang;
  return work.session;
}

/** One pass over the latest code; when it ends, another if the code changed meanwhile. */
function runPass(work: Work): void {
  const session = sessionFor(work);
  if (!session) return;
  const { code, lang, open } = work;
  // The parser ends an open block's code with a newline, but its last line may still grow: it
  // is tokenized as the partial line until the next one starts, so complete lines stay final.
  const text = !open || !code.endsWith('\n') ? code : code.slice(0, -1);
  work.busy = true;
  session.run(text, !open, (lines) => {
    if (work.session !== session) return; // stopped meanwhile
    work.busy = false;
    work.lastPass = performance.now();
    if (lines) {
      if (!open) storeFinishedTokens(code, lang, lines);
      work.publish({ lang, lines });
    }
    if (lines && (work.code !== code || work.open !== open || work.lang !== lang)) requestPass(work);
  });
}

/**
 * Schedules a pass over the latest code, unless one is running or due (it will see that code).
 * Passes are idle-priority work (`idle.ts`), and an open block waits its interval first.
 */
function requestPass(work: Work): void {
  if (work.busy || work.cancelPass) return;
  const wait = work.open ? openBlockHighlightIntervalMs - (performance.now() - work.lastPass) : 0;
  work.cancelPass = idleAfter(wait, () => {
    work.cancelPass = undefined;
    runPass(work);
  });
}

/** Stops the block's highlighting and drops its session (a pass still running is abandoned). */
function stop(work: Work): void {
  work.cancelPass?.();
  work.cancelPass = undefined;
  work.session?.dispose();
  work.session = undefined;
  work.busy = false;
}

export interface CodeHighlightOptions {
  /** Highlighting is on for this block. */
  enabled: boolean;
  /** The block is still growing. */
  open: boolean;
  /**
   * Work may start: load the grammar and tokenize. Default `true`. While `false`, the block
   * still shows tokens it needs no work for (a finished block highlighted before).
   */
  start?: boolean | undefined;
}

/**
 * The token lines to show for `code`, or `undefined` while it renders as plain text.
 * Lines of `code` past the returned lines (or longer than them) render as plain text.
 */
export function useCodeHighlight(code: string, lang: string, options: CodeHighlightOptions): TokenLines | undefined {
  const start = options.start ?? true;
  const status = useLanguageStatus(lang, options.enabled, start);
  const ready = options.enabled && status === 'ready';
  const cached = ready && !options.open ? finishedTokens(code, lang) : undefined;
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const work = useRef<Work | null>(null);
  work.current ??= {
    code,
    lang,
    open: options.open,
    session: undefined,
    sessionLang: lang,
    busy: false,
    lastPass: Number.NEGATIVE_INFINITY,
    cancelPass: undefined,
    publish: setShown,
  };

  useEffect(() => {
    const current = work.current as Work;
    current.code = code;
    current.lang = lang;
    current.open = options.open;
    if (ready && start && !cached) requestPass(current);
    else stop(current);
  }, [ready, start, cached, lang, code, options.open]);
  useEffect(() => () => stop(work.current as Work), []);

  if (!ready) return undefined;
  return cached ?? (shown?.lang === lang ? shown.lines : undefined);
}

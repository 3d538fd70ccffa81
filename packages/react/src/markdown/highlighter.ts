/**
 * Code highlighting state shared by every `<Markdown>` on the page: which languages are ready,
 * where tokenizing runs (a worker when possible, see `highlight-backend.ts`), and a cache of
 * finished blocks. Grammars are imported one by one when a code block first asks for them, the
 * themes (`configureHighlighting({ theme })`) and shiki's core with the first one. Nothing here
 * runs at module load.
 *
 * Language state is observable (`subscribeLanguages`) so code blocks can re-render when their
 * grammar becomes ready.
 */

import type { LanguageRegistration, ThemeRegistrationAny } from 'shiki/core';
import { loadCodeThemes } from './code-themes';
import type { CodeStyle, TokenLines } from './code-tokens';
import type { HighlightBackend, HighlightSession } from './highlight-backend';
import { codeTheme, disableWorker, onHighlightingChange, workerEnabled } from './highlight-config';
import { createMainThreadBackend } from './highlight-main-thread';
import { createWorkerBackend } from './highlight-worker-backend';

/** Status of one language: a code block shows plain text until it is `'ready'`. */
export type LanguageStatus = 'idle' | 'loading' | 'ready' | 'unavailable';

let backendPromise: Promise<HighlightBackend> | undefined;
let backend: HighlightBackend | undefined;

/** Requested name (lower case) -> status; `resolved` maps it to the grammar's own name. */
const statuses = new Map<string, LanguageStatus>();
const resolved = new Map<string, string>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function loadThemes(): Promise<ThemeRegistrationAny[]> {
  return loadCodeThemes(codeTheme());
}

function forget(): void {
  backend = undefined;
  backendPromise = undefined;
  statuses.clear();
  resolved.clear();
  // Finished blocks' tokens carry the old themes' colours.
  finishedCache.clear();
}

/** The worker failed: start over on the main thread. Blocks reload their languages on the notice. */
function workerFailed(): void {
  disableWorker(true);
}

// A new setting (or a failed worker) starts highlighting over: blocks reload their languages.
onHighlightingChange(() => {
  if (!backendPromise) return;
  forget();
  notify();
});

function loadBackend(): Promise<HighlightBackend> {
  backendPromise ??= (async () => {
    let instance: HighlightBackend | undefined;
    if (workerEnabled() && typeof Worker !== 'undefined') {
      try {
        instance = await createWorkerBackend(loadThemes, workerFailed);
      } catch {
        disableWorker(false);
      }
    }
    instance ??= createMainThreadBackend(loadThemes);
    backend = instance;
    return instance;
  })();
  return backendPromise;
}

/** Where tokenizing currently runs, once the first language has loaded. */
export function highlightingBackend(): HighlightBackend['kind'] | undefined {
  return backend?.kind;
}

/** The colour of highlighted code's tokens without a style of their own (see `CodeToken`). */
export function codeBaseStyle(): CodeStyle | undefined {
  return backend?.baseStyle;
}

/** The status of `lang` (a fence's info string language, any case). */
export function languageStatus(lang: string): LanguageStatus {
  return statuses.get(lang.toLowerCase()) ?? 'idle';
}

/** Subscribes to language status changes; returns the unsubscribe function. */
export function subscribeLanguages(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

async function grammarsOf(key: string): Promise<LanguageRegistration[] | undefined> {
  const { bundledLanguages } = await import('shiki/langs');
  const loader = Object.hasOwn(bundledLanguages, key)
    ? bundledLanguages[key as keyof typeof bundledLanguages]
    : undefined;
  return loader ? (await loader()).default : undefined;
}

/**
 * Loads the highlighter and the grammar of `lang`. Resolves to the final status; unknown
 * languages and grammars that fail to load become `'unavailable'` silently (plain text).
 */
export async function loadLanguage(lang: string): Promise<LanguageStatus> {
  const key = lang.toLowerCase();
  const current = statuses.get(key);
  if (current === 'ready' || current === 'unavailable') return current;
  if (current === 'loading') {
    return new Promise((resolve) => {
      const unsubscribe = subscribeLanguages(() => {
        const status = languageStatus(key);
        if (status !== 'loading') {
          unsubscribe();
          resolve(status);
        }
      });
    });
  }
  statuses.set(key, 'loading');
  const loading = loadBackend();
  let status: LanguageStatus = 'unavailable';
  let name: string | undefined;
  try {
    const [instance, grammars] = await Promise.all([loading, grammarsOf(key)]);
    name = grammars ? await instance.addLanguage(key, grammars) : undefined;
    if (backendPromise !== loading) return loadLanguage(lang); // started over meanwhile
    if (name) status = 'ready';
  } catch {
    status = 'unavailable';
  }
  if (name) resolved.set(key, name);
  statuses.set(key, status);
  notify();
  return status;
}

/**
 * A highlighting session for one code block in `lang`, or `undefined` when the language is
 * not ready (call `loadLanguage` first).
 */
export function openHighlightSession(lang: string): HighlightSession | undefined {
  const name = resolved.get(lang.toLowerCase());
  if (!backend || !name || languageStatus(lang) !== 'ready') return undefined;
  return backend.openSession(name);
}

const finishedCache = new Map<string, TokenLines>();
const finishedCacheLimit = 200;

function finishedKey(code: string, lang: string): string {
  return `${lang.toLowerCase()}\u0000${code}`;
}

/** Tokens of a finished code block highlighted before (a bounded cache by language and code). */
export function finishedTokens(code: string, lang: string): TokenLines | undefined {
  return finishedCache.get(finishedKey(code, lang));
}

/** Remembers the tokens of a finished code block, so the same block mounted again shows them at once. */
export function storeFinishedTokens(code: string, lang: string, lines: TokenLines): void {
  if (finishedCache.size >= finishedCacheLimit) {
    const oldest = finishedCache.keys().next().value;
    if (oldest !== undefined) finishedCache.delete(oldest);
  }
  finishedCache.set(finishedKey(code, lang), lines);
}

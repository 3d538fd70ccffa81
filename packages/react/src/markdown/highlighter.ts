/**
 * One shared shiki highlighter, built from shiki's fine-grained core with the JavaScript regex
 * engine (no WebAssembly), loaded on first use. Grammars are imported one by one when a code
 * block first asks for them, and the themes (`github-light` and `github-dark`, as dual themes
 * exposed through CSS variables) with the core. Nothing here runs at module load.
 *
 * Language state is observable (`subscribeLanguages`) so code blocks can re-render when their
 * grammar becomes ready; once ready, tokenizing is synchronous (callers run it in slices, see
 * `highlight-queue.ts`).
 */

import type { GrammarState, HighlighterCore, ThemedToken } from 'shiki/core';

/** Status of one language: a code block shows plain text until it is `'ready'`. */
export type LanguageStatus = 'idle' | 'loading' | 'ready' | 'unavailable';

const themes = { light: 'github-light', dark: 'github-dark' } as const;

let highlighterPromise: Promise<HighlighterCore> | undefined;
let highlighter: HighlighterCore | undefined;
/** Requested name (lower case) -> status; `resolved` maps it to the grammar's own name. */
const statuses = new Map<string, LanguageStatus>();
const resolved = new Map<string, string>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function loadHighlighter(): Promise<HighlighterCore> {
  highlighterPromise ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    const instance = await createHighlighterCore({
      themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    });
    highlighter = instance;
    return instance;
  })();
  return highlighterPromise;
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
        if (status === 'ready' || status === 'unavailable') {
          unsubscribe();
          resolve(status);
        }
      });
    });
  }
  statuses.set(key, 'loading');
  let status: LanguageStatus = 'unavailable';
  try {
    const [instance, { bundledLanguages }] = await Promise.all([loadHighlighter(), import('shiki/langs')]);
    const loader = Object.hasOwn(bundledLanguages, key)
      ? bundledLanguages[key as keyof typeof bundledLanguages]
      : undefined;
    if (loader) {
      const grammars = (await loader()).default;
      await instance.loadLanguage(...grammars);
      const name = grammars[grammars.length - 1]?.name ?? key;
      // Compiling a grammar the JavaScript engine cannot handle throws here, not later.
      instance.codeToTokens('', { lang: name, themes, defaultColor: false });
      resolved.set(key, name);
      status = 'ready';
    }
  } catch {
    status = 'unavailable';
  }
  statuses.set(key, status);
  notify();
  return status;
}

/** Tokens of complete lines and the grammar state after them, to resume tokenizing from. */
export interface TokenizedCode {
  readonly lines: readonly (readonly ThemedToken[])[];
  readonly state: GrammarState | undefined;
}

/**
 * Tokenizes `code` synchronously, optionally resuming from `state`. Returns `undefined` when
 * the language is not ready (call `loadLanguage` first).
 */
export function tokenize(code: string, lang: string, state?: GrammarState): TokenizedCode | undefined {
  const name = resolved.get(lang.toLowerCase());
  if (!highlighter || !name || languageStatus(lang) !== 'ready') return undefined;
  try {
    const result = highlighter.codeToTokens(code, {
      lang: name,
      themes,
      defaultColor: false,
      ...(state ? { grammarState: state } : {}),
    });
    return { lines: result.tokens, state: result.grammarState };
  } catch {
    return undefined;
  }
}

const finishedCache = new Map<string, readonly (readonly ThemedToken[])[]>();
const finishedCacheLimit = 200;

function finishedKey(code: string, lang: string): string {
  return `${lang.toLowerCase()}\u0000${code}`;
}

/** Tokens of a finished code block highlighted before (a bounded cache by language and code). */
export function finishedTokens(code: string, lang: string): readonly (readonly ThemedToken[])[] | undefined {
  return finishedCache.get(finishedKey(code, lang));
}

/** Remembers the tokens of a finished code block, so the same block mounted again shows them at once. */
export function storeFinishedTokens(code: string, lang: string, lines: readonly (readonly ThemedToken[])[]): void {
  if (finishedCache.size >= finishedCacheLimit) {
    const oldest = finishedCache.keys().next().value;
    if (oldest !== undefined) finishedCache.delete(oldest);
  }
  finishedCache.set(finishedKey(code, lang), lines);
}

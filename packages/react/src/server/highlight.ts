/**
 * Highlighting on the server: the same shiki engine, themes and token shaping as the client
 * (`markdown/highlight-engine.ts`), built once per server process on first use, with each
 * grammar loaded when a code block first needs it. A finished block is tokenized whole, so its
 * lines are the ones the client shows once it has highlighted the same code.
 */

import type { CodeStyle, TokenLines } from '../markdown/code-tokens';
import { createHighlightEngine, type HighlightEngine } from '../markdown/highlight-engine';

/** A code block's highlighted lines and the themes' default colours. */
export interface HighlightedLines {
  lines: TokenLines;
  base: CodeStyle;
}

/**
 * A line's time limit: a block rendered on the server is sent as it is, so a cold grammar on a busy
 * server must not leave it half coloured; a line that still takes longer stays in the base colour.
 */
const serverTimeLimitMs = 5_000;

let engine: Promise<HighlightEngine> | undefined;
/** Grammars are added one at a time: shiki's registry is not meant for concurrent loads. */
let adding: Promise<unknown> = Promise.resolve();
/** Requested language (lower case) -> the grammar name to tokenize with, or undefined if unavailable. */
const languages = new Map<string, Promise<string | undefined>>();

function loadEngine(): Promise<HighlightEngine> {
  engine ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }, light, dark] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
      import('shiki/themes/github-light.mjs'),
      import('shiki/themes/github-dark.mjs'),
    ]);
    return createHighlightEngine(
      { createHighlighterCore, createJavaScriptRegexEngine },
      [light.default, dark.default],
      {
        tokenizeTimeLimit: serverTimeLimitMs,
      },
    );
  })();
  // A failed start (a missing module) is tried again by the next render rather than kept.
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

async function loadLanguage(instance: HighlightEngine, key: string): Promise<string | undefined> {
  const { bundledLanguages } = await import('shiki/langs');
  const loader = Object.hasOwn(bundledLanguages, key)
    ? bundledLanguages[key as keyof typeof bundledLanguages]
    : undefined;
  if (!loader) return undefined;
  const grammars = (await loader()).default;
  const added = adding.then(() => instance.addLanguage(grammars));
  adding = added.catch(() => undefined);
  return added;
}

/**
 * The highlighted lines of `code` in `lang`, or `undefined` for a language shiki does not know
 * or cannot tokenize (the block stays plain text, as on the client). Never rejects.
 */
export async function highlightOnServer(code: string, lang: string): Promise<HighlightedLines | undefined> {
  try {
    const instance = await loadEngine();
    const key = lang.toLowerCase();
    let name = languages.get(key);
    if (!name) {
      name = loadLanguage(instance, key).catch(() => undefined);
      languages.set(key, name);
    }
    const grammar = await name;
    if (!grammar) return undefined;
    const tokenized = instance.tokenizer(grammar)(code.endsWith('\n') ? code.slice(0, -1) : code);
    return tokenized && { lines: tokenized.lines, base: instance.baseStyle };
  } catch {
    return undefined;
  }
}

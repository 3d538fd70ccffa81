/**
 * Highlighting on the server: the same shiki engine, themes and token shaping as the client
 * (`markdown/highlight-engine.ts`), built once per server process and pair of themes, with each
 * grammar loaded when a code block first needs it. A finished block is tokenized whole, so its
 * lines are the ones the client shows once it has highlighted the same code.
 */

import { defaultCodeTheme, loadCodeThemes } from '../markdown/code-themes';
import type { CodeStyle, TokenLines } from '../markdown/code-tokens';
import type { CodeThemeNames } from '../markdown/highlight-config';
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

interface ServerEngine {
  engine: Promise<HighlightEngine>;
  /** Requested language (lower case) -> the grammar name to tokenize with, or undefined if unavailable. */
  languages: Map<string, Promise<string | undefined>>;
  /** Grammars are added one at a time: shiki's registry is not meant for concurrent loads. */
  adding: Promise<unknown>;
}

/** One engine per pair of themes, built on first use. */
const engines = new Map<string, ServerEngine>();

function serverEngine(theme: CodeThemeNames): ServerEngine {
  const key = `${theme.light}\u0000${theme.dark}`;
  let entry = engines.get(key);
  if (!entry) {
    const engine = (async () => {
      const [{ createHighlighterCore }, { createJavaScriptRegexEngine }, themes] = await Promise.all([
        import('shiki/core'),
        import('shiki/engine/javascript'),
        loadCodeThemes(theme),
      ]);
      return createHighlightEngine({ createHighlighterCore, createJavaScriptRegexEngine }, themes, {
        tokenizeTimeLimit: serverTimeLimitMs,
      });
    })();
    entry = { engine, languages: new Map(), adding: Promise.resolve() };
    engines.set(key, entry);
    // A failed start (a missing module) is tried again by the next render rather than kept.
    engine.catch(() => engines.delete(key));
  }
  return entry;
}

async function loadLanguage(entry: ServerEngine, instance: HighlightEngine, key: string) {
  const { bundledLanguages } = await import('shiki/langs');
  const loader = Object.hasOwn(bundledLanguages, key)
    ? bundledLanguages[key as keyof typeof bundledLanguages]
    : undefined;
  if (!loader) return undefined;
  const grammars = (await loader()).default;
  const added = entry.adding.then(() => instance.addLanguage(grammars));
  entry.adding = added.catch(() => undefined);
  return added;
}

/**
 * The highlighted lines of `code` in `lang`, coloured with `theme`, or `undefined` for a language
 * shiki does not know or cannot tokenize (the block stays plain text, as on the client). Never rejects.
 */
export async function highlightOnServer(
  code: string,
  lang: string,
  theme: CodeThemeNames = defaultCodeTheme,
): Promise<HighlightedLines | undefined> {
  try {
    const entry = serverEngine(theme);
    const instance = await entry.engine;
    const key = lang.toLowerCase();
    let name = entry.languages.get(key);
    if (!name) {
      name = loadLanguage(entry, instance, key).catch(() => undefined);
      entry.languages.set(key, name);
    }
    const grammar = await name;
    if (!grammar) return undefined;
    const tokenized = instance.tokenizer(grammar)(code.endsWith('\n') ? code.slice(0, -1) : code);
    return tokenized && { lines: tokenized.lines, base: instance.baseStyle };
  } catch {
    return undefined;
  }
}

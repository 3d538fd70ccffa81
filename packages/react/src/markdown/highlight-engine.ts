/**
 * The tokenizing side of highlighting, shared by the highlighting worker and the main-thread
 * fallback: one shiki core highlighter with the JavaScript regex engine (no WebAssembly), the
 * `github-light` and `github-dark` themes as dual themes (colours as CSS variables, switched by
 * the stylesheet), and grammars added as they arrive. It imports nothing from shiki itself: the
 * caller passes the modules in, statically in the worker and lazily on the main thread.
 */

import type { createHighlighterCore, LanguageRegistration, ThemeRegistrationAny } from 'shiki/core';
import type { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { CodeToken, Tokenize } from './code-tokens';

/** Theme names, light first: tokens carry `--shiki-light` and `--shiki-dark` colours. */
export const codeThemes = { light: 'github-light', dark: 'github-dark' } as const;

export interface ShikiModules {
  createHighlighterCore: typeof createHighlighterCore;
  createJavaScriptRegexEngine: typeof createJavaScriptRegexEngine;
}

export interface HighlightEngine {
  /**
   * Adds a language's grammars (the language last, the ones it embeds before it) and compiles
   * them. Resolves to the name to tokenize with, or `undefined` when the engine cannot use them.
   */
  addLanguage(grammars: readonly LanguageRegistration[]): Promise<string | undefined>;
  /** A tokenizer for a language `addLanguage` accepted. */
  tokenizer(name: string): Tokenize;
}

export async function createHighlightEngine(
  modules: ShikiModules,
  themes: readonly ThemeRegistrationAny[],
): Promise<HighlightEngine> {
  const highlighter = await modules.createHighlighterCore({
    themes: [...themes],
    langs: [],
    engine: modules.createJavaScriptRegexEngine(),
  });

  const tokenizer =
    (name: string): Tokenize =>
    (code, state) => {
      try {
        const result = highlighter.codeToTokens(code, {
          lang: name,
          themes: codeThemes,
          defaultColor: false,
          ...(state ? { grammarState: state } : {}),
        });
        const lines = result.tokens.map((line) =>
          line.map((token): CodeToken => ({ content: token.content, htmlStyle: token.htmlStyle })),
        );
        return { lines, state: result.grammarState };
      } catch {
        return undefined;
      }
    };

  return {
    async addLanguage(grammars) {
      try {
        await highlighter.loadLanguage(...grammars);
        const name = grammars[grammars.length - 1]?.name;
        if (!name) return undefined;
        // Compiling a grammar the JavaScript engine cannot handle throws here, not later.
        highlighter.codeToTokens('', { lang: name, themes: codeThemes, defaultColor: false });
        return name;
      } catch {
        return undefined;
      }
    },
    tokenizer,
  };
}

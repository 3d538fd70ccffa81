/**
 * The tokenizing side of highlighting, shared by the highlighting worker and the main-thread
 * fallback: one shiki core highlighter with the JavaScript regex engine (no WebAssembly), a light
 * and a dark theme as dual themes (colours as CSS variables, switched by the stylesheet; GitHub's
 * unless `configureHighlighting` names others), and grammars added as they arrive. It imports
 * nothing from shiki itself: the caller passes the modules in, statically in the worker and
 * lazily on the main thread.
 */

import type { createHighlighterCore, LanguageRegistration, ThemeRegistrationAny } from 'shiki/core';
import type { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { CodeStyle, CodeToken, Tokenize } from './code-tokens';

/** The names shiki knows the themes by, light first: tokens carry `--shiki-light` and `--shiki-dark`. */
function themeNames(themes: readonly ThemeRegistrationAny[]): { light: string; dark: string } {
  const [light, dark] = themes;
  if (!light?.name || !dark?.name) throw new Error('The highlighter needs a light and a dark theme, with names');
  return { light: light.name, dark: dark.name };
}

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
  /** The themes' default colours: what a token without `htmlStyle` is shown in. */
  readonly baseStyle: CodeStyle;
}

interface ShikiToken {
  content: string;
  htmlStyle?: Record<string, string> | undefined;
}

function sameStyle(a: CodeStyle | undefined, b: CodeStyle | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => a[key]?.toLowerCase() === b[key]?.toLowerCase());
}

/**
 * One line's tokens as a code block renders them: tokens in the base style lose their style, and
 * neighbours of the same style are joined. Half the tokens of typical code are in the base
 * colour; each one less is an element less to create, style, lay out and paint.
 */
function lineTokens(line: readonly ShikiToken[], base: CodeStyle): CodeToken[] {
  const out: { content: string; htmlStyle?: CodeStyle | undefined }[] = [];
  for (const token of line) {
    const style = token.htmlStyle && !sameStyle(token.htmlStyle, base) ? token.htmlStyle : undefined;
    const last = out[out.length - 1];
    if (last && sameStyle(last.htmlStyle, style)) last.content += token.content;
    else out.push(style ? { content: token.content, htmlStyle: style } : { content: token.content });
  }
  return out;
}

export interface HighlightEngineOptions {
  /**
   * How long one line may take to tokenize before the rest of it stays in the base colour (shiki's
   * `tokenizeTimeLimit`, default 500 ms). A grammar's rules compile on first use, so on a busy
   * machine a cold first line can pass the limit: the server, which renders a block once and for
   * good, allows more.
   */
  tokenizeTimeLimit?: number | undefined;
}

export async function createHighlightEngine(
  modules: ShikiModules,
  themes: readonly ThemeRegistrationAny[],
  { tokenizeTimeLimit }: HighlightEngineOptions = {},
): Promise<HighlightEngine> {
  const codeThemes = themeNames(themes);
  const highlighter = await modules.createHighlighterCore({
    themes: [...themes],
    langs: [],
    engine: modules.createJavaScriptRegexEngine(),
  });

  const baseStyle: CodeStyle = {
    '--shiki-light': highlighter.getTheme(codeThemes.light).fg,
    '--shiki-dark': highlighter.getTheme(codeThemes.dark).fg,
  };

  const tokenizer =
    (name: string): Tokenize =>
    (code, state) => {
      try {
        const result = highlighter.codeToTokens(code, {
          lang: name,
          themes: codeThemes,
          defaultColor: false,
          ...(state ? { grammarState: state } : {}),
          ...(tokenizeTimeLimit !== undefined ? { tokenizeTimeLimit } : {}),
        });
        const lines = result.tokens.map((line) => lineTokens(line, baseStyle));
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
    baseStyle,
  };
}

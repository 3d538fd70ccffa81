/**
 * Highlighting on the main thread: the fallback where workers are unavailable (no `Worker`, or a
 * Content Security Policy without `worker-src blob:`). Tokenizing runs in short slices between
 * other tasks (`highlight-queue.ts`), so a long block does not stall a streaming update.
 */

import type { LanguageRegistration, ThemeRegistrationAny } from 'shiki/core';
import { createCodeTokens, tokenizeMore, tokenLines } from './code-tokens';
import type { HighlightBackend, HighlightSession } from './highlight-backend';
import { createHighlightEngine, type HighlightEngine } from './highlight-engine';
import { queueHighlight } from './highlight-queue';

export function createMainThreadBackend(themes: () => Promise<ThemeRegistrationAny[]>): HighlightBackend {
  let engine: Promise<HighlightEngine> | undefined;
  // The engine once built: a session's passes tokenize synchronously, never waiting on a promise.
  let built: HighlightEngine | undefined;
  const load = () => {
    engine ??= (async () => {
      const [{ createHighlighterCore }, { createJavaScriptRegexEngine }, list] = await Promise.all([
        import('shiki/core'),
        import('shiki/engine/javascript'),
        themes(),
      ]);
      built = await createHighlightEngine({ createHighlighterCore, createJavaScriptRegexEngine }, list);
      return built;
    })();
    return engine;
  };

  return {
    kind: 'main-thread',
    get baseStyle() {
      return built?.baseStyle;
    },
    async addLanguage(_key: string, grammars: LanguageRegistration[]) {
      return (await load()).addLanguage(grammars);
    },
    openSession(name: string): HighlightSession {
      const tokens = createCodeTokens();
      let cancel: (() => void) | undefined;
      return {
        run(code, final, done) {
          cancel?.();
          // Sessions open only for languages `addLanguage` accepted, so the engine is built.
          const tokenize = (built as HighlightEngine).tokenizer(name);
          cancel = queueHighlight((deadline) => {
            if (!tokenizeMore(tokens, code, final, deadline, tokenize)) return false;
            cancel = undefined;
            done(tokens.failed ? undefined : tokenLines(tokens, code, tokenize));
            return true;
          });
        },
        dispose() {
          cancel?.();
          cancel = undefined;
        },
      };
    },
  };
}

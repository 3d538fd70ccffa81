/**
 * Highlighting in a Web Worker. The worker's code (shiki core and its regex engine, bundled) is
 * inlined in a lazily loaded chunk and started from a blob URL, so it works from any bundler
 * without configuration. If the worker cannot start or fails later, `onFailure` is called once:
 * every pending request is answered with `undefined` and the caller moves to the main thread.
 */

import type { LanguageRegistration, ThemeRegistrationAny } from 'shiki/core';
import type { CodeStyle, TokenLine, TokenLines } from './code-tokens';
import type { HighlightBackend, HighlightSession } from './highlight-backend';
import type { FromWorker, ToWorker } from './highlight-protocol';

export async function createWorkerBackend(
  themes: () => Promise<ThemeRegistrationAny[]>,
  onFailure: () => void,
): Promise<HighlightBackend> {
  const [{ startHighlightWorker }, list] = await Promise.all([import('./highlight-worker-start'), themes()]);
  const worker = startHighlightWorker();
  const languages = new Map<string, (name: string | undefined) => void>();
  const pending = new Map<number, (message: Extract<FromWorker, { type: 'tokens' }> | undefined) => void>();
  let failed = false;
  let nextId = 1;
  let baseStyle: CodeStyle | undefined;

  const fail = () => {
    if (failed) return;
    failed = true;
    worker.terminate();
    for (const resolve of languages.values()) resolve(undefined);
    for (const resolve of pending.values()) resolve(undefined);
    languages.clear();
    pending.clear();
    onFailure();
  };
  const post = (message: ToWorker) => {
    if (failed) return;
    try {
      worker.postMessage(message);
    } catch {
      fail();
    }
  };

  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'themes') {
      baseStyle = message.baseStyle ?? undefined;
    } else if (message.type === 'language') {
      languages.get(message.key)?.(message.name ?? undefined);
      languages.delete(message.key);
    } else {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message);
    }
  });
  post({ type: 'themes', themes: list });

  return {
    kind: 'worker',
    get baseStyle() {
      return baseStyle;
    },
    addLanguage(key: string, grammars: LanguageRegistration[]) {
      if (failed) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        languages.set(key, resolve);
        post({ type: 'language', key, grammars });
      });
    },
    openSession(name: string): HighlightSession {
      const id = nextId++;
      let lines: TokenLine[] = [];
      let disposed = false;
      return {
        run(code, final, done) {
          if (failed || disposed) {
            done(undefined);
            return;
          }
          pending.set(id, (message) => {
            if (!message || message.failed) {
              done(undefined);
              return;
            }
            lines = lines.slice(0, message.base).concat(message.lines);
            done(lines as TokenLines);
          });
          post({ type: 'tokenize', id, name, code, final });
        },
        dispose() {
          disposed = true;
          pending.delete(id);
          post({ type: 'release', id });
        },
      };
    },
  };
}

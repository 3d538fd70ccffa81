/**
 * The highlighting worker: tokenizing (and compiling a grammar the first time it is used, which
 * can take hundreds of milliseconds) runs here, off the main thread, so streaming text and
 * frames never wait for it. Shiki's core and regex engine are bundled into the worker; grammars
 * and themes are sent by the page, which loads them lazily, so the worker needs no module loading
 * of its own. See `highlight-protocol.ts` for the messages.
 */

import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { type CodeTokens, createCodeTokens, tokenizeMore, tokenLines } from './code-tokens';
import { createHighlightEngine, type HighlightEngine } from './highlight-engine';
import type { FromWorker, ToWorker } from './highlight-protocol';

interface Block {
  tokens: CodeTokens;
  /** Complete lines already sent, and the generation they belong to. */
  sent: number;
  generation: number;
}

/** Handles the messages of one page; `post` sends answers back. Exported for tests. */
export function createWorkerHandler(post: (message: FromWorker) => void): (message: ToWorker) => Promise<void> {
  let engine: Promise<HighlightEngine> | undefined;
  const blocks = new Map<number, Block>();

  return async (message) => {
    switch (message.type) {
      case 'themes': {
        engine = createHighlightEngine({ createHighlighterCore, createJavaScriptRegexEngine }, message.themes);
        const baseStyle = await engine.then(
          (built) => built.baseStyle,
          () => null,
        );
        post({ type: 'themes', baseStyle });
        return;
      }
      case 'language': {
        const name = engine ? await (await engine).addLanguage(message.grammars) : undefined;
        post({ type: 'language', key: message.key, name: name ?? null });
        return;
      }
      case 'tokenize': {
        const tokenize = (await (engine as Promise<HighlightEngine>)).tokenizer(message.name);
        let block = blocks.get(message.id);
        if (!block) {
          block = { tokens: createCodeTokens(), sent: 0, generation: 0 };
          blocks.set(message.id, block);
        }
        const { tokens } = block;
        tokenizeMore(tokens, message.code, message.final, Number.POSITIVE_INFINITY, tokenize);
        if (tokens.generation !== block.generation) {
          block.generation = tokens.generation;
          block.sent = 0;
        }
        const lines = tokens.failed ? [] : tokenLines(tokens, message.code, tokenize);
        const base = Math.min(block.sent, lines.length);
        post({ type: 'tokens', id: message.id, base, lines: lines.slice(base), failed: tokens.failed });
        block.sent = tokens.lines.length;
        if (message.final) blocks.delete(message.id);
        return;
      }
      case 'release':
        blocks.delete(message.id);
        return;
    }
  };
}

// Messages are handled one at a time, in order: a tokenize request waits for the themes and the
// language it names, which the page always sends first.
const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
if (typeof scope.onmessage !== 'undefined' && typeof window === 'undefined') {
  const handle = createWorkerHandler((message) => scope.postMessage(message));
  let chain = Promise.resolve();
  scope.onmessage = (event) => {
    chain = chain.then(() => handle(event.data));
  };
}

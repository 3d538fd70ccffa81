import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import typescript from 'shiki/langs/typescript.mjs';
import githubDark from 'shiki/themes/github-dark.mjs';
import githubLight from 'shiki/themes/github-light.mjs';
import { describe, expect, it } from 'vitest';
import { createCodeTokens, type Tokenize, tokenizeMore, tokenLines } from '../../src/markdown/code-tokens';
import { createHighlightEngine } from '../../src/markdown/highlight-engine';

async function typescriptTokenizer(): Promise<Tokenize> {
  const engine = await createHighlightEngine({ createHighlighterCore, createJavaScriptRegexEngine }, [
    githubLight,
    githubDark,
  ]);
  const name = await engine.addLanguage(typescript);
  expect(name).toBe('typescript');
  return engine.tokenizer(name as string);
}

const code = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source with a template literal.
  'const greeting = `hello ${name}`;',
  '/* a comment',
  '   spanning lines */',
  'function add(a: number, b: number): number {',
  '  return a + b; // sum',
  '}',
  '',
  'export class Box<T> { constructor(readonly value: T) {} }',
  '',
].join('\n');

/** Tokens without object identity, comparable across runs. */
function plain(lines: ReturnType<typeof tokenLines>) {
  return lines.map((line) => line.map((token) => [token.content, token.htmlStyle]));
}

describe('incremental code tokens', () => {
  it('equal tokenizing the whole block at once, however the work is cut and the code grows', async () => {
    const tokenize = await typescriptTokenizer();
    // The first pass compiles the grammar's patterns; on a slow machine shiki's per-line time
    // limit could cut it short, so the reference is taken from a second, warm pass.
    tokenize(code);
    const whole = tokenize(code.slice(0, -1))?.lines ?? [];
    expect(whole.length).toBe(8);

    // The block grows a few characters at a time; each pass gets no time, so it does one chunk.
    const tokens = createCodeTokens();
    let passes = 0;
    for (let end = 1; end <= code.length; end += 5) {
      const partial = code.slice(0, end);
      while (!tokenizeMore(tokens, partial, false, 0, tokenize)) passes += 1;
      const shown = tokenLines(tokens, partial, tokenize);
      // Complete lines never change once tokenized: they are a prefix of the whole block's tokens.
      const complete = partial.split('\n').length - 1;
      expect(plain(shown.slice(0, complete))).toEqual(plain(whole.slice(0, complete)));
    }
    while (!tokenizeMore(tokens, code, true, 0, tokenize)) passes += 1;
    expect(plain(tokenLines(tokens, code, tokenize))).toEqual(plain(whole));
    expect(passes).toBeGreaterThan(0);
  });

  it('start over when the code is replaced rather than extended', async () => {
    const tokenize = await typescriptTokenizer();
    const tokens = createCodeTokens();
    tokenizeMore(tokens, 'const a = 1;\n', true, Number.POSITIVE_INFINITY, tokenize);
    expect(tokens.generation).toBe(0);
    tokenizeMore(tokens, 'let b = "x";\n', true, Number.POSITIVE_INFINITY, tokenize);
    expect(tokens.generation).toBe(1);
    expect(
      tokenLines(tokens, 'let b = "x";\n', tokenize).map((line) => line.map((token) => token.content).join('')),
    ).toEqual(['let b = "x";']);
  });
});

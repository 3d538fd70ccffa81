import { describe, expect, it } from 'vitest';
import { createCodeTokens, tokenizeMore, tokenLines } from '../../src/markdown/code-tokens';
import { loadLanguage, tokenize } from '../../src/markdown/highlighter';

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
    expect(await loadLanguage('ts')).toBe('ready');
    // The first pass compiles the grammar's patterns; on a slow machine shiki's per-line time
    // limit could cut it short, so the reference is taken from a second, warm pass.
    tokenize(code, 'ts');
    const whole = tokenize(code.slice(0, -1), 'ts')?.lines ?? [];
    expect(whole.length).toBe(8);

    // The block grows a few characters at a time; each pass gets no time, so it does one chunk.
    const tokens = createCodeTokens('ts');
    let passes = 0;
    for (let end = 1; end <= code.length; end += 5) {
      const partial = code.slice(0, end);
      while (!tokenizeMore(tokens, partial, false, 0)) passes += 1;
      const shown = tokenLines(tokens, partial);
      // Complete lines never change once tokenized: they are a prefix of the whole block's tokens.
      const complete = partial.split('\n').length - 1;
      expect(plain(shown.slice(0, complete))).toEqual(plain(whole.slice(0, complete)));
    }
    while (!tokenizeMore(tokens, code, true, 0)) passes += 1;
    expect(plain(tokenLines(tokens, code))).toEqual(plain(whole));
    expect(passes).toBeGreaterThan(0);
  });

  it('start over when the code is replaced rather than extended', async () => {
    await loadLanguage('ts');
    const tokens = createCodeTokens('ts');
    tokenizeMore(tokens, 'const a = 1;\n', true, Number.POSITIVE_INFINITY);
    tokenizeMore(tokens, 'let b = "x";\n', true, Number.POSITIVE_INFINITY);
    expect(tokenLines(tokens, 'let b = "x";\n').map((line) => line.map((token) => token.content).join(''))).toEqual([
      'let b = "x";',
    ]);
  });
});

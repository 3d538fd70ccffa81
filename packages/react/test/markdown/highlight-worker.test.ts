import githubDark from 'shiki/themes/github-dark.mjs';
import githubLight from 'shiki/themes/github-light.mjs';
import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../src/markdown/highlight-protocol';
import { createWorkerHandler } from '../../src/markdown/highlight-worker';

type Tokens = Extract<FromWorker, { type: 'tokens' }>;

async function startedHandler() {
  const answers: FromWorker[] = [];
  const handle = createWorkerHandler((message) => answers.push(message));
  await handle({ type: 'themes', themes: [githubLight, githubDark] });
  const { default: python } = await import('shiki/langs/python.mjs');
  await handle({ type: 'language', key: 'py', grammars: python });
  const tokenize = async (id: number, code: string, final: boolean) => {
    await handle({ type: 'tokenize', id, name: 'python', code, final });
    return answers.at(-1) as Tokens;
  };
  return { answers, handle, tokenize };
}

const text = (lines: Tokens['lines']) => lines.map((line) => line.map((token) => token.content).join(''));

describe('highlighting worker', () => {
  it('answers the themes with their default colours', async () => {
    const { answers } = await startedHandler();
    expect(answers[0]).toEqual({
      type: 'themes',
      baseStyle: {
        '--shiki-light': githubLight.colors?.['editor.foreground'],
        '--shiki-dark': githubDark.colors?.['editor.foreground'],
      },
    });
  });

  it('answers a language with the name to tokenize with, or null when there is no grammar', async () => {
    const { answers, handle } = await startedHandler();
    expect(answers[1]).toEqual({ type: 'language', key: 'py', name: 'python' });
    await handle({ type: 'language', key: 'nope', grammars: [] });
    expect(answers[2]).toEqual({ type: 'language', key: 'nope', name: null });
  });

  it('sends only the lines after those already sent, and the partial last one again', async () => {
    const { tokenize } = await startedHandler();
    const first = await tokenize(1, 'x = 1\ny = 2\nz = ', false);
    expect(first.base).toBe(0);
    expect(text(first.lines)).toEqual(['x = 1', 'y = 2', 'z = ']);
    expect(first.lines[0]?.some((token) => token.htmlStyle?.['--shiki-dark'])).toBe(true);

    const second = await tokenize(1, 'x = 1\ny = 2\nz = 3\nprint(z)', false);
    expect(second.base).toBe(2);
    expect(text(second.lines)).toEqual(['z = 3', 'print(z)']);

    const last = await tokenize(1, 'x = 1\ny = 2\nz = 3\nprint(z)\n', true);
    expect(last.base).toBe(3);
    expect(text(last.lines)).toEqual(['print(z)']);
  });

  it('starts a block over from line 0 when its code is replaced, and keeps blocks apart', async () => {
    const { tokenize } = await startedHandler();
    await tokenize(1, 'a = 1\nb = 2\n', false);
    await tokenize(2, 'def f():\n', false);
    const replaced = await tokenize(1, 'c = 3\n', false);
    expect(replaced.base).toBe(0);
    expect(text(replaced.lines)).toEqual(['c = 3']);
    const other = await tokenize(2, 'def f():\n  return 1\n', false);
    expect(other.base).toBe(1);
    expect(text(other.lines)).toEqual(['  return 1']);
  });

  it('forgets a released block: the next request starts from line 0', async () => {
    const { handle, tokenize } = await startedHandler();
    await tokenize(7, 'a = 1\nb = 2\n', false);
    await handle({ type: 'release', id: 7 });
    const again = await tokenize(7, 'a = 1\nb = 2\nc = 3\n', false);
    expect(again.base).toBe(0);
    expect(text(again.lines)).toEqual(['a = 1', 'b = 2', 'c = 3']);
  });
});

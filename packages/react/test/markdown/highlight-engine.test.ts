import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import typescript from 'shiki/langs/typescript.mjs';
import githubDark from 'shiki/themes/github-dark-default.mjs';
import githubLight from 'shiki/themes/github-light-default.mjs';
import { describe, expect, it } from 'vitest';
import { defaultCodeTheme as codeThemes } from '../../src/markdown/code-themes';
import type { CodeStyle } from '../../src/markdown/code-tokens';
import { createHighlightEngine } from '../../src/markdown/highlight-engine';

const code = [
  'import { readFile } from "node:fs/promises";',
  '',
  'export async function load(path: string): Promise<number[]> {',
  '  const text = await readFile(path, "utf8"); // the whole file',
  '  return text.split("\\n").map((line) => Number(line.trim()) * 2);',
  '}',
].join('\n');

/** The style of every character, lower-cased: what the block shows, whatever the elements. */
function characterStyles(
  lines: readonly (readonly { content: string; htmlStyle?: CodeStyle | undefined }[])[],
  base?: CodeStyle,
) {
  return lines.map((line) =>
    line.flatMap((token) => {
      const style = JSON.stringify(token.htmlStyle ?? base ?? null).toLowerCase();
      return [...token.content].map(() => style);
    }),
  );
}

describe('highlight engine tokens', () => {
  it('show every character in the colours shiki gives it, with fewer styled tokens', async () => {
    const modules = { createHighlighterCore, createJavaScriptRegexEngine };
    const engine = await createHighlightEngine(modules, [githubLight, githubDark]);
    const name = (await engine.addLanguage(typescript)) as string;
    const ours = engine.tokenizer(name)(code)?.lines ?? [];

    const shiki = await createHighlighterCore({
      themes: [githubLight, githubDark],
      langs: [typescript],
      engine: createJavaScriptRegexEngine(),
    });
    const reference = shiki.codeToTokens(code, {
      lang: name,
      themes: { light: codeThemes.light, dark: codeThemes.dark },
      defaultColor: false,
    }).tokens;

    expect(ours.map((line) => line.map((token) => token.content).join(''))).toEqual(code.split('\n'));
    expect(characterStyles(ours, engine.baseStyle)).toEqual(characterStyles(reference));
    // Only tokens with a style of their own need an element.
    const styled = ours.flat().filter((token) => token.htmlStyle).length;
    expect(styled).toBeLessThan(reference.flat().length * 0.75);
  });

  it('leave tokens in the base colour unstyled and join neighbours of one style', async () => {
    const engine = await createHighlightEngine({ createHighlighterCore, createJavaScriptRegexEngine }, [
      githubLight,
      githubDark,
    ]);
    expect(engine.baseStyle).toEqual({
      '--shiki-light': githubLight.colors?.['editor.foreground'],
      '--shiki-dark': githubDark.colors?.['editor.foreground'],
    });
    const name = (await engine.addLanguage(typescript)) as string;
    const lines = engine.tokenizer(name)(code)?.lines ?? [];
    const base = JSON.stringify(engine.baseStyle).toLowerCase();
    for (const line of lines) {
      line.forEach((token, index) => {
        if (token.htmlStyle) expect(JSON.stringify(token.htmlStyle).toLowerCase()).not.toBe(base);
        const previous = line[index - 1];
        if (previous) expect(JSON.stringify(previous.htmlStyle)).not.toBe(JSON.stringify(token.htmlStyle));
      });
    }
    expect(lines.flat().some((token) => token.htmlStyle === undefined)).toBe(true);
  });
});

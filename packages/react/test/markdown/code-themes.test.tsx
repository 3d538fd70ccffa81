import { configureHighlighting, Markdown } from '@rivulet/react';
import { render, waitFor } from '@testing-library/react';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import typescript from 'shiki/langs/typescript.mjs';
import githubLight from 'shiki/themes/github-light.mjs';
import minLight from 'shiki/themes/min-light.mjs';
import nord from 'shiki/themes/nord.mjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCodeThemes } from '../../src/markdown/code-themes';
import { codeTheme } from '../../src/markdown/highlight-config';
import { createHighlightEngine } from '../../src/markdown/highlight-engine';

afterEach(() => {
  configureHighlighting({});
  vi.restoreAllMocks();
});

const code = 'const answer = 42;\nfunction f() { return answer; }\n';

/** The colours shiki gives `const` in these themes, lower-cased. */
async function keywordColours(light: typeof minLight, dark: typeof nord) {
  const shiki = await createHighlighterCore({
    themes: [light, dark],
    langs: [typescript],
    engine: createJavaScriptRegexEngine(),
  });
  const tokens = shiki.codeToTokens(code, {
    lang: 'typescript',
    themes: { light: light.name as string, dark: dark.name as string },
    defaultColor: false,
  }).tokens;
  const style = tokens[0]?.find((token) => token.content.trim() === 'const')?.htmlStyle ?? {};
  return { light: style['--shiki-light']?.toLowerCase(), dark: style['--shiki-dark']?.toLowerCase() };
}

describe('code themes', () => {
  it('default to GitHub light and dark; a side left out keeps its default', () => {
    expect(codeTheme()).toEqual({ light: 'github-light-default', dark: 'github-dark-default' });
    configureHighlighting({ theme: { dark: 'nord' } });
    expect(codeTheme()).toEqual({ light: 'github-light-default', dark: 'nord' });
    configureHighlighting({});
    expect(codeTheme()).toEqual({ light: 'github-light-default', dark: 'github-dark-default' });
  });

  it('load the named bundled themes, light first', async () => {
    const [light, dark] = await loadCodeThemes({ light: 'min-light', dark: 'nord' });
    expect(light?.name).toBe('min-light');
    expect(dark?.name).toBe('nord');
  });

  it('fall back to the default for an unknown name, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [light, dark] = await loadCodeThemes({ light: 'no-such-theme', dark: 'nord' });
    expect(light?.name).toBe('github-light-default');
    expect(dark?.name).toBe('nord');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"no-such-theme"'));
  });

  it('colour tokens and the base style with the themes the engine is given', async () => {
    const modules = { createHighlighterCore, createJavaScriptRegexEngine };
    const engine = await createHighlightEngine(modules, [minLight, nord]);
    const reference = await createHighlighterCore({
      themes: [minLight, nord],
      langs: [],
      engine: createJavaScriptRegexEngine(),
    });
    expect(engine.baseStyle).toEqual({
      '--shiki-light': reference.getTheme('min-light').fg,
      '--shiki-dark': reference.getTheme('nord').fg,
    });
    const name = (await engine.addLanguage(typescript)) as string;
    const lines = engine.tokenizer(name)(code)?.lines ?? [];
    const keyword = lines[0]?.find((token) => token.content.trim() === 'const');
    const expected = await keywordColours(minLight, nord);
    expect(keyword?.htmlStyle?.['--shiki-light']?.toLowerCase()).toBe(expected.light);
    expect(keyword?.htmlStyle?.['--shiki-dark']?.toLowerCase()).toBe(expected.dark);
    // min-light's keyword colour is not GitHub's, so the check above can tell the themes apart.
    expect(expected.light).not.toBe((await keywordColours(githubLight, nord)).light);
  });

  it('colour <Markdown> code blocks with the configured themes', async () => {
    configureHighlighting({ theme: { light: 'min-light', dark: 'nord' } });
    const { container } = render(<Markdown>{`\`\`\`ts\n${code}\`\`\``}</Markdown>);
    const pre = container.querySelector('pre') as HTMLPreElement;
    await waitFor(() => expect(pre.querySelectorAll('code span[style]').length).toBeGreaterThan(3), {
      timeout: 15_000,
    });
    const keyword = [...pre.querySelectorAll<HTMLElement>('code span[style]')].find(
      (span) => span.textContent?.trim() === 'const',
    );
    const expected = await keywordColours(minLight, nord);
    expect(keyword?.style.getPropertyValue('--shiki-light').toLowerCase()).toBe(expected.light);
    expect(keyword?.style.getPropertyValue('--shiki-dark').toLowerCase()).toBe(expected.dark);
  }, 20_000);
});

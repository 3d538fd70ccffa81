/**
 * The shiki themes code is coloured with: one for light and one for dark colour schemes, both
 * carried by every token as CSS variables (`--shiki-light`, `--shiki-dark`) that the stylesheet
 * switches. Themes load lazily with the highlighter, each from its own chunk of shiki.
 */

import type { ThemeRegistrationAny } from 'shiki/core';
import { type CodeThemeNames, defaultCodeTheme } from './highlight-config';

export { defaultCodeTheme };

async function loadTheme(name: string, fallback: string): Promise<ThemeRegistrationAny> {
  const { bundledThemes } = await import('shiki/themes');
  const known = (key: string) =>
    Object.hasOwn(bundledThemes, key) ? bundledThemes[key as keyof typeof bundledThemes] : undefined;
  let loader = known(name);
  if (!loader) {
    console.warn(`Rivulet: unknown shiki theme "${name}", using "${fallback}" (see shiki's list of bundled themes).`);
    loader = known(fallback);
  }
  if (!loader) throw new Error(`Rivulet: shiki has no theme "${fallback}"`);
  return (await loader()).default;
}

/** Loads the light and dark themes, light first (an unknown name falls back to the default, with a warning). */
export function loadCodeThemes(names: CodeThemeNames): Promise<ThemeRegistrationAny[]> {
  return Promise.all([loadTheme(names.light, defaultCodeTheme.light), loadTheme(names.dark, defaultCodeTheme.dark)]);
}

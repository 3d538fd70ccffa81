/**
 * The page-wide highlighting settings (`configureHighlighting`): where code is tokenized and in
 * which shiki themes. Kept apart from the highlighter so the public types do not reach into
 * shiki's.
 */

/**
 * Names of shiki's bundled themes (https://shiki.style/themes), one for a light colour scheme and
 * one for a dark one. Code carries both colours and `styles.css` shows the one that matches the
 * page (`prefers-color-scheme`, or a `data-theme="light"|"dark"` ancestor). The code block's
 * background is `--rivulet-code-bg`: set it to suit dark or light themes of your own.
 */
export interface CodeThemeNames {
  light: string;
  dark: string;
}

/** Options of `configureHighlighting`. */
export interface HighlightingOptions {
  /**
   * Tokenize code in a Web Worker (started from a blob URL), keeping the main thread free for
   * streaming and input. Default `true`; `false` tokenizes on the main thread in short slices.
   * Without `Worker`, or when the worker cannot start (e.g. a Content Security Policy without
   * `worker-src blob:`), Rivulet falls back to the main thread by itself.
   */
  worker?: boolean | undefined;
  /**
   * The shiki themes code is coloured with, loaded lazily with the highlighter. Default
   * `{ light: 'github-light-default', dark: 'github-dark-default' }`; a side left out keeps its default, and an
   * unknown name falls back to it with a console warning.
   *
   * @example
   * configureHighlighting({ theme: { light: 'min-light', dark: 'nord' } });
   */
  theme?: Partial<CodeThemeNames> | undefined;
}

let worker = true;
/**
 * The themes used unless `configureHighlighting({ theme })` names others: GitHub's current light and
 * dark themes, whose every token colour reads at 4.5:1 or better on the code background.
 */
export const defaultCodeTheme: CodeThemeNames = { light: 'github-light-default', dark: 'github-dark-default' };

let theme: CodeThemeNames = defaultCodeTheme;
const listeners = new Set<() => void>();

/** Whether tokenizing should run in a worker. */
export function workerEnabled(): boolean {
  return worker;
}

/** The themes code is coloured with. */
export function codeTheme(): CodeThemeNames {
  return theme;
}

/** Calls `listener` when the setting changes; returns the unsubscribe function. */
export function onHighlightingChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function setWorker(value: boolean, notify = true): void {
  if (value === worker) return;
  worker = value;
  if (notify) notifyAll();
}

function notifyAll(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * Chooses where code is tokenized and in which themes, for every `<Markdown>` on the page. Call
 * it before the first code block renders; calling it later starts highlighting over with the new
 * setting (code blocks highlighted before keep their colours).
 *
 * @example
 * configureHighlighting({ worker: true, theme: { light: 'github-light', dark: 'one-dark-pro' } });
 */
export function configureHighlighting(options: HighlightingOptions): void {
  const light = options.theme?.light ?? defaultCodeTheme.light;
  const dark = options.theme?.dark ?? defaultCodeTheme.dark;
  const themeChanged = light !== theme.light || dark !== theme.dark;
  theme = { light, dark };
  if (themeChanged && (options.worker ?? true) === worker) notifyAll();
  else setWorker(options.worker ?? true);
}

/**
 * The worker failed: from now on, tokenize on the main thread. `restart` tells the highlighter to
 * start over (a worker that failed after it started); a worker that never started needs none.
 */
export function disableWorker(restart: boolean): void {
  setWorker(false, restart);
}

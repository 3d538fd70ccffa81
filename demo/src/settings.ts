/**
 * The playground's settings live in the page URL (`/?scenario=slow&format=anthropic&theme=dark`),
 * so every state can be linked to and targeted by end-to-end tests. Everything except the chat's
 * own settings (`theme`, `idle`, `resume`) is forwarded to the chat endpoint as mock controls.
 */
export type Theme = 'light' | 'dark';

export interface Settings {
  theme: Theme;
  /** `?idle=ms`: the chat's `idleTimeoutMs` (silence longer than this fails the answer). */
  idleTimeoutMs: number | undefined;
  /** `?resume=0` turns the chat's resume off: a dropped answer then ends with an error and Retry. */
  resume: boolean;
  /** Mock controls forwarded to `/api/chat` (scenario, format, tps, errorAfter, run, ...). */
  controls: URLSearchParams;
}

export function readSettings(search: string): Settings {
  const params = new URLSearchParams(search);
  const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  const idle = Number(params.get('idle'));
  const resume = params.get('resume') !== '0';
  params.delete('theme');
  params.delete('idle');
  params.delete('resume');
  return { theme, idleTimeoutMs: idle > 0 ? idle : undefined, resume, controls: params };
}

export function writeSettings(settings: Settings): string {
  const params = new URLSearchParams(settings.controls);
  if (settings.theme === 'dark') params.set('theme', 'dark');
  if (settings.idleTimeoutMs) params.set('idle', String(settings.idleTimeoutMs));
  if (!settings.resume) params.set('resume', '0');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The chat endpoint with the controls as its query. */
export function endpointFor(controls: URLSearchParams): string {
  const query = controls.toString();
  return query ? `/api/chat?${query}` : '/api/chat';
}

/** Returns a copy of `controls` with `key` set, or removed when `value` is empty. */
export function withControl(controls: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(controls);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

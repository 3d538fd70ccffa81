import { ChatWindow } from '@rivulet/react';

/** How the page is set up, read from its URL. */
export interface MultiSettings {
  /** Number of chat windows. */
  windows: number;
  /** Prefix of each window's `run` id. */
  run: string;
  /**
   * Give each window its own host, `w<i>.localhost` (browsers resolve `*.localhost` to this
   * machine). Browsers open at most six HTTP/1.1 connections per host, so without it only six
   * windows stream at a time and the others wait for a free connection.
   */
  spread: boolean;
  /** Mock controls shared by every window. */
  controls: URLSearchParams;
}

const defaultWindows = 20;
const maxWindows = 50;

export function readMultiSettings(search: string): MultiSettings {
  const params = new URLSearchParams(search);
  const requested = Number(params.get('windows') ?? defaultWindows);
  const windows = Number.isInteger(requested) && requested > 0 ? Math.min(requested, maxWindows) : defaultWindows;
  const run = params.get('run') || 'multi';
  const spread = params.get('spread') === '1';
  for (const key of ['windows', 'run', 'spread']) params.delete(key);
  return { windows, run, spread, controls: params };
}

/** The endpoint of window `index` (from 1): the shared controls plus its own run id. */
export function windowEndpoint(settings: MultiSettings, index: number, location: Location): string {
  const params = new URLSearchParams(settings.controls);
  params.set('run', `${settings.run}-${index}`);
  const path = `/api/chat?${params}`;
  if (!settings.spread) return path;
  const port = location.port ? `:${location.port}` : '';
  return `${location.protocol}//w${index}.localhost${port}${path}`;
}

/** A grid of independent chats, each labelled "Chat <i>" for tests and screen readers. */
export function MultiChat(settings: MultiSettings) {
  const indexes = Array.from({ length: settings.windows }, (_, offset) => offset + 1);
  return (
    <main className="multi-grid">
      {indexes.map((index) => (
        <section key={index} className="multi-cell" aria-label={`Chat ${index}`} data-window={index}>
          <ChatWindow api={windowEndpoint(settings, index, window.location)} theme="light" />
        </section>
      ))}
    </main>
  );
}

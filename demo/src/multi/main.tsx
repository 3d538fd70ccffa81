/**
 * Many independent `<ChatWindow>`s on one page, to check that concurrent streams stay smooth
 * and that stopping one cancels only its own request.
 *
 * `/multi.html?windows=20&run=abc&spread=1&scenario=long&tps=40`: `windows` (default 20, at
 * most 50) sets how many; `spread=1` sends each window's requests to its own host (see
 * `MultiSettings.spread`); every other parameter is forwarded to the mock endpoint, and window
 * `i` (from 1) gets `run=<run>-<i>` so the mock counts each window's requests apart.
 */
import '@rivulet/react/styles.css';
import './multi.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MultiChat, readMultiSettings } from './MultiChat';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');
createRoot(container).render(
  <StrictMode>
    <MultiChat {...readMultiSettings(window.location.search)} />
  </StrictMode>,
);

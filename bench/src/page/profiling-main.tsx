/** Entry of the `useStream` page, built with React's profiling build: exposes `window.streamBench`. */
import './instrument';
import './page.css';
import { runCommits, runFirstPaint } from './use-stream-run';

const api = { runCommits, runFirstPaint };
export type StreamBench = typeof api;

declare global {
  interface Window {
    streamBench?: StreamBench;
  }
}

window.streamBench = api;

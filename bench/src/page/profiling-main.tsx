/**
 * Entry of the page built with React's profiling build (`<Profiler>` reports commits): the `useStream`
 * runs and the many-chats run, exposed as `window.streamBench`.
 */
import './instrument';
import './page.css';
import { runConcurrency } from './concurrency-run';
import { runCommits, runFirstPaint } from './use-stream-run';

const api = { runCommits, runFirstPaint, runConcurrency };
export type StreamBench = typeof api;

declare global {
  interface Window {
    streamBench?: StreamBench;
  }
}

window.streamBench = api;

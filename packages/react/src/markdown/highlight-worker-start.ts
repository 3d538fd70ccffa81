/**
 * Starts the highlighting worker. Its code is inlined here at build time (a blob URL at run
 * time), so this module is only ever loaded lazily, when the first code block needs it.
 */

import HighlightWorker from './highlight-worker?worker&inline';

export function startHighlightWorker(): Worker {
  return new HighlightWorker({ name: 'rivulet-highlight' });
}

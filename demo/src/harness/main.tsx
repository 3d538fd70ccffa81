/**
 * A bare `<Markdown>` for end-to-end tests: `window.__render(text, options)` renders one text
 * synchronously and returns the element holding it, so a test can feed many inputs (every
 * prefix of a payload, then the whole) through one page load and inspect the DOM in between.
 * Renders with the same `key` reuse one `<Markdown>` instance, as a streaming answer does.
 */
import '@rivulet/react/styles.css';
import '@rivulet/react/math.css';
import { Markdown } from '@rivulet/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

/** What one `__render` call renders besides the text. */
export interface HarnessRenderOptions {
  /** `<Markdown streaming>`; default `false`. */
  streaming?: boolean;
  /** `<Markdown incomplete>`: an answer that ended early (stopped, failed); default `streaming`. */
  incomplete?: boolean;
  /** Shows the typing cursor while streaming; default `true`. */
  cursor?: boolean;
  /** A new key mounts a fresh `<Markdown>` (a new answer); the same key updates the current one. */
  key?: string;
  allowedLinkPrefixes?: string[];
  allowedImagePrefixes?: string[];
  /** `<Markdown highlight>`; default `'visible'`. */
  highlight?: boolean | 'visible' | 'all';
}

declare global {
  interface Window {
    /** Renders `text` and returns the `<Markdown>` root element once the DOM is updated. */
    __render(text: string, options?: HarnessRenderOptions): HTMLElement;
    /** Set once `__render` can be called. */
    __harnessReady?: boolean;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('The harness page has no #root element');
const root = createRoot(container);

window.__render = (text, options = {}) => {
  const {
    streaming = false,
    incomplete = streaming,
    cursor = true,
    key = 'default',
    allowedLinkPrefixes,
    allowedImagePrefixes,
    highlight = 'visible',
  } = options;
  // flushSync: the DOM is updated when this returns, so the caller inspects exactly this text.
  flushSync(() => {
    root.render(
      <Markdown
        key={key}
        streaming={streaming}
        incomplete={incomplete}
        cursor={cursor}
        allowedLinkPrefixes={allowedLinkPrefixes}
        allowedImagePrefixes={allowedImagePrefixes}
        highlight={highlight}
      >
        {text}
      </Markdown>,
    );
  });
  const rendered = container.firstElementChild;
  if (!(rendered instanceof HTMLElement)) throw new Error('<Markdown> rendered no root element');
  return rendered;
};
window.__harnessReady = true;

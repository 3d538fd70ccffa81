/**
 * Run by `module-load.test.ts` in a fresh Node process: loads `@rivulet/react` and renders a chat
 * on the server while watching every browser-only global. Each global is absent (a getter that
 * returns `undefined`) and records who read it, so a read is either a `typeof` feature check or a
 * crash. Prints one JSON line: the reads (with the source text at the reading location), the
 * exports, globals that appeared, and the rendered HTML.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const browserGlobals = [
  'window',
  'document',
  'navigator',
  'self',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'matchMedia',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'getComputedStyle',
  'HTMLElement',
  'Element',
  'Node',
  'ResizeObserver',
  'MutationObserver',
  'IntersectionObserver',
  'customElements',
];

const reads = [];
let phase = 'load';

/** The source text at the first stack frame outside this file, to tell `typeof x` from a real use. */
function readingSite() {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const here = fileURLToPath(import.meta.url);
  for (const frame of frames) {
    const match = /\(?((?:file:\/\/)?\/[^()]+):(\d+):(\d+)\)?$/.exec(frame.trim());
    if (!match) continue;
    const file = match[1].startsWith('file://') ? fileURLToPath(match[1]) : match[1];
    if (file === here) continue;
    const line = readFileSync(file, 'utf8').split('\n')[Number(match[2]) - 1] ?? '';
    const column = Number(match[3]) - 1;
    return {
      file,
      source: line.slice(Math.max(0, column - 20), column + 40),
      before: line.slice(0, column),
      at: line.slice(column),
    };
  }
  return { file: '?', source: '', before: '', at: '' };
}

const present = [];
for (const name of browserGlobals) {
  if (name in globalThis) {
    present.push(name);
    continue;
  }
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      const site = readingSite();
      const guarded = site.at.startsWith(`typeof ${name}`) || /typeof\s*\(?\s*$/.test(site.before);
      reads.push({ name, phase, guarded, file: site.file, source: site.source });
      return undefined;
    },
  });
}

const globalsBefore = new Set(Object.getOwnPropertyNames(globalThis));
const rivulet = await import('@rivulet/react');
const { createElement } = await import('react');
const { renderToString } = await import('react-dom/server');

phase = 'render';
const html = renderToString(
  createElement(rivulet.ChatWindow, {
    api: '/api/chat',
    initialMessages: [
      { role: 'user', content: 'Show me code' },
      { role: 'assistant', content: 'Here:\n\n```js\nconsole.log(1);\n```\n' },
    ],
  }),
);

process.stdout.write(
  `${JSON.stringify({
    present,
    reads,
    exports: Object.keys(rivulet).sort(),
    added: Object.getOwnPropertyNames(globalThis).filter((name) => !globalsBefore.has(name)),
    html,
  })}\n`,
);

/**
 * Bundle budgets (`pnpm --filter @rivulet/bench size`, enforced in CI). Lazily loaded code is
 * measured apart from the entry: shiki's grammars and themes (excluded, like every peer's), and
 * the chunk holding the highlighting worker, which loads with the first code block.
 */

/** Keeps the lazily loaded worker chunk out of the entry's bundle (esbuild would inline it). */
const withoutWorkerChunk = (config) => ({
  ...config,
  external: [...(config.external ?? []), './highlight-worker-start-*.js'],
});

export default [
  {
    name: '@rivulet/react + @rivulet/core (JS entry; shiki and the highlighting worker load lazily)',
    path: '../packages/react/dist/index.js',
    ignore: ['react', 'react-dom', 'shiki', '@shikijs/*'],
    modifyEsbuildConfig: withoutWorkerChunk,
    limit: '85 kB',
    gzip: true,
  },
  {
    name: '@rivulet/react highlighting worker chunk (lazy: shiki core + JS regex engine, inlined)',
    path: '../packages/react/dist/highlight-worker-start-*.js',
    limit: '60 kB',
    gzip: true,
  },
  {
    name: '@rivulet/react styles.css',
    path: '../packages/react/dist/styles.css',
    limit: '3 kB',
    gzip: true,
  },
  {
    name: 'streamdown (reference, same measurement)',
    path: 'node_modules/streamdown/dist/index.js',
    ignore: ['react', 'react-dom', 'shiki', '@shikijs/*', 'mermaid'],
    gzip: true,
  },
  {
    name: 'streamdown styles.css (reference)',
    path: 'node_modules/streamdown/styles.css',
    gzip: true,
  },
];

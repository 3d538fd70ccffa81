/**
 * Bundle budgets (`pnpm --filter @rivulet/bench size`, enforced in CI). Lazily loaded code is
 * measured apart from the entry: shiki's grammars and themes (excluded, like every peer's), the
 * chunk holding the highlighting worker, which loads with the first code block, and the chunk
 * that draws Mermaid diagrams, which loads with the first closed ```mermaid fence. Mermaid itself
 * and DOMPurify, which that chunk imports, are excluded like shiki (streamdown's row excludes
 * mermaid too).
 */

/** Keeps the lazily loaded chunks out of the entry's bundle (esbuild would inline them). */
const withoutLazyChunks = (config) => ({
  ...config,
  external: [...(config.external ?? []), './highlight-worker-start-*.js', './render-diagram-*.js'],
});

export default [
  {
    name: '@rivulet/react + @rivulet/core (JS entry; shiki, the highlighting worker and Mermaid load lazily)',
    path: '../packages/react/dist/index.js',
    ignore: ['react', 'react-dom', 'shiki', '@shikijs/*', 'mermaid', 'dompurify'],
    modifyEsbuildConfig: withoutLazyChunks,
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
    name: '@rivulet/react Mermaid chunk (lazy: renders and sanitizes diagrams; mermaid and DOMPurify excluded)',
    path: '../packages/react/dist/render-diagram-*.js',
    ignore: ['mermaid', 'dompurify'],
    limit: '3 kB',
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

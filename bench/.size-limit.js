/**
 * Bundle budgets (`pnpm size`, run by `pnpm test` in CI; build the packages first). Every row is
 * bundled by esbuild, minified and gzipped, with React excluded.
 *
 * - The full entry and the minimal import (`useStream` + `<Markdown>`, tree-shaken as an app's
 *   bundler would) measure what a page downloads at start. Lazily loaded code is kept out of them:
 *   `@rivulet/react`'s own lazy chunks (what `dist/index.js` loads with `import()`), and the
 *   libraries only those chunks import (shiki's core, grammars and themes, KaTeX, Mermaid, DOMPurify).
 * - Each lazy chunk is measured on its own. Chunks are found by following `import()` from
 *   `dist/index.js`, so a new hash or a new chunk cannot slip past: a chunk whose name has no row
 *   of its own below gets the default budget.
 * - streamdown is measured the same way and printed beside Rivulet (no budget: a reference).
 *
 * `size/check-lazy.mjs` (run after size-limit) proves the premise: bundled with code splitting, the
 * minimal import and the full entry load none of the lazy code at start.
 */

import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const dist = '../packages/react/dist';

/** Libraries that only lazy chunks import: excluded from every row, like every peer's. */
const lazyLibraries = ['shiki', '@shikijs/*', 'katex', 'mermaid', 'dompurify'];
const ignore = ['react', 'react-dom', ...lazyLibraries];

/**
 * Keeps lazily loaded chunks out of the bundle of the file being measured (esbuild would inline a
 * dynamic import): a dynamic import in `@rivulet/react`'s `dist/` stays external. Static imports of
 * shared chunks are bundled: a page downloads them at start.
 */
const withoutLazyChunks = (config) => ({
  ...config,
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'rivulet-lazy-chunks-external',
      setup(build) {
        build.onResolve({ filter: /^\.\.?\// }, (args) =>
          args.kind === 'dynamic-import' && /packages\/react\/dist\//.test(args.importer)
            ? { path: args.path, external: true }
            : undefined,
        );
      },
    },
  ],
});

/** Every chunk `file` (relative to `dist`) loads lazily, directly or through another lazy chunk. */
function lazyChunksOf(file, found = new Set()) {
  const code = readFileSync(join(dist, file), 'utf8');
  for (const [, specifier] of code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) {
    const chunk = relative(dist, join(dist, dirname(file), specifier));
    if (found.has(chunk)) continue;
    found.add(chunk);
    lazyChunksOf(chunk, found);
  }
  return [...found].sort();
}

/** Names and budgets of the known lazy chunks, by the name vite gives them before the hash. */
const knownChunks = [
  {
    prefix: 'highlight-worker-start-',
    name: 'lazy chunk: highlighting worker (shiki core + JS regex engine, inlined; loads with the first code block)',
    limit: '60 kB',
  },
  {
    prefix: 'render-diagram-',
    name: 'lazy chunk: Mermaid renderer (loads with the first closed mermaid fence; mermaid and DOMPurify excluded)',
    limit: '3 kB',
  },
  {
    prefix: 'math-',
    name: 'lazy chunk: math (the math syntax and the KaTeX glue; loads with the first formula; KaTeX excluded)',
    limit: '4 kB',
  },
];
const defaultChunk = { name: 'lazy chunk', limit: '5 kB' };

const chunkRows = lazyChunksOf('index.js').map((file) => {
  const base = file.split('/').pop();
  const known = knownChunks.find((chunk) => base.startsWith(chunk.prefix)) ?? {
    ...defaultChunk,
    name: `${defaultChunk.name} ${file} (no budget of its own yet)`,
  };
  return {
    name: `@rivulet/react ${known.name}`,
    path: `${dist}/${file}`,
    // `@rivulet/core` is in the entry already: counting it again would measure what is not downloaded.
    ignore: [...ignore, '@rivulet/core'],
    modifyEsbuildConfig: withoutLazyChunks,
    limit: known.limit,
    gzip: true,
  };
});

export default [
  {
    name: '@rivulet/react + @rivulet/core, full entry (everything exported)',
    path: `${dist}/index.js`,
    ignore,
    modifyEsbuildConfig: withoutLazyChunks,
    // 99.3 kB until the pipeline called mdast-util-from-markdown, mdast-util-to-hast and
    // hast-util-sanitize without unified's processor (vfile, trough, extend): -4.7 kB.
    limit: '97.5 kB',
    gzip: true,
  },
  {
    name: '@rivulet/react + @rivulet/core, minimal import: { useStream, Markdown } (highlighting, math, Mermaid lazy)',
    path: `${dist}/index.js`,
    import: '{ useStream, Markdown }',
    ignore,
    modifyEsbuildConfig: withoutLazyChunks,
    // Issue 19's 85 kB. It had crept to 85.4 kB (the last-block mark, footnote calls while streaming)
    // until the pipeline dropped unified's processor (vfile, trough, extend): 80,780 B measured.
    // Code in chunks of lines (bench/README's budget history) took it to 81.65 kB, long list items
    // rendered block by block to 83.08 kB, long items kept while the next marker is typed to 83.30 kB.
    limit: '84 kB',
    gzip: true,
  },
  ...chunkRows,
  {
    name: '@rivulet/react/server (runs on the server; its one client module, the copy button, included)',
    path: `${dist}/server.js`,
    ignore,
    modifyEsbuildConfig: withoutLazyChunks,
    gzip: true,
  },
  {
    name: '@rivulet/react styles.css',
    path: `${dist}/styles.css`,
    limit: '3.5 kB',
    gzip: true,
  },
  {
    name: 'streamdown, full entry (reference, same measurement)',
    path: 'node_modules/streamdown/dist/index.js',
    ignore,
    gzip: true,
  },
  {
    name: 'streamdown, minimal import: { Streamdown } (reference, same measurement)',
    path: 'node_modules/streamdown/dist/index.js',
    import: '{ Streamdown }',
    ignore,
    gzip: true,
  },
  {
    name: 'streamdown styles.css (reference)',
    path: 'node_modules/streamdown/styles.css',
    gzip: true,
  },
];

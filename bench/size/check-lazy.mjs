/**
 * Proves what the size budgets in `.size-limit.js` take for granted: the heavy extras load only when
 * used. Bundles each import the way an app's bundler does (ESM with code splitting, nothing external
 * but React) and fails when anything that must load lazily is part of what a page downloads at start,
 * that is the entry chunk and every chunk it imports statically:
 *
 * - shiki (`shiki`, `@shikijs/*`), KaTeX, Mermaid and DOMPurify;
 * - any of `@rivulet/react`'s own lazy chunks (every file of its `dist/` that another loads with
 *   `import()`: the highlighting worker, the math and Mermaid renderers, and whatever comes next,
 *   whatever its hashed name).
 *
 * It also fails when shiki is nowhere in the build, so the check cannot pass by matching nothing.
 * Run after `pnpm build`: `node size/check-lazy.mjs` (part of `pnpm size`).
 */

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const benchDir = fileURLToPath(new URL('..', import.meta.url));

/** Imports an app may write, each checked on its own. */
const imports = [
  { name: 'minimal import (useStream + Markdown)', code: "export { useStream, Markdown } from '@rivulet/react';" },
  { name: 'full entry', code: "export * from '@rivulet/react';" },
];

const lazyPackages = ['shiki', '@shikijs/*', 'katex', 'mermaid', 'dompurify'];
const lazyPackage = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(shiki|@shikijs\/[^/]+|katex|mermaid|dompurify)\//;
/** A bare import of one of `lazyPackages` (they stay external: bundling Mermaid alone takes a minute). */
const lazySpecifier = /^(shiki|@shikijs\/[^/]+|katex|mermaid|dompurify)(\/|$)/;
/** What a module that must load lazily is called in the report, or `undefined` for eager code. */
function lazyName(input, lazyChunks) {
  const packageMatch = lazyPackage.exec(input) ?? lazySpecifier.exec(input);
  if (packageMatch) return packageMatch[1].startsWith('@shikijs/') ? 'shiki' : packageMatch[1];
  if (lazyChunks.has(input)) return `@rivulet/react lazy chunk ${input.split('/').pop()}`;
  return undefined;
}

/** The files of `@rivulet/react`'s `dist/` that another file of it loads with `import()`. */
function lazyChunksOf(metafile) {
  const chunks = new Set();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    if (!/packages\/react\/dist\//.test(file)) continue;
    for (const imported of input.imports) {
      if (imported.kind === 'dynamic-import' && /packages\/react\/dist\//.test(imported.path))
        chunks.add(imported.path);
    }
  }
  return chunks;
}

async function check({ name, code }) {
  const result = await build({
    stdin: { contents: code, resolveDir: benchDir, loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'size-check-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['react', 'react-dom', 'react/*', 'react-dom/*', ...lazyPackages],
    loader: { '.woff': 'empty', '.woff2': 'empty', '.ttf': 'empty' },
  });
  const outputs = result.metafile.outputs;
  const lazyChunks = lazyChunksOf(result.metafile);
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === '<stdin>');
  // Everything reachable from the entry through static imports is downloaded at start.
  const initial = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    if (initial.has(file)) continue;
    initial.add(file);
    for (const imported of outputs[file].imports) {
      if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path);
    }
  }
  const eagerLazy = new Set();
  const deferred = new Set();
  const sort = (lazy, eager) => {
    if (lazy) (eager ? eagerLazy : deferred).add(lazy);
  };
  for (const [file, output] of Object.entries(outputs)) {
    // Code bundled into this output, and the lazy packages it imports (static or dynamic).
    for (const input of Object.keys(output.inputs)) sort(lazyName(input, lazyChunks), initial.has(file));
    for (const imported of output.imports) {
      if (!imported.external) continue;
      sort(lazyName(imported.path, lazyChunks), initial.has(file) && imported.kind === 'import-statement');
    }
  }
  const problems = [];
  if (eagerLazy.size > 0) problems.push(`loaded at start: ${[...eagerLazy].sort().join(', ')}`);
  if (!deferred.has('shiki'))
    problems.push('shiki is not in any lazy chunk (is the check looking at the right build?)');
  const lazyList = [...deferred].filter((lazy) => !eagerLazy.has(lazy)).sort();
  if (problems.length === 0) {
    console.log(`  ✔ ${name}: nothing lazy loaded at start (lazy: ${lazyList.join(', ')})`);
    return true;
  }
  console.error(`  ✖ ${name}: ${problems.join('; ')}`);
  return false;
}

let passed = true;
console.log('Lazy loading (esbuild, ESM with code splitting):');
for (const entry of imports) passed = (await check(entry)) && passed;
if (!passed) process.exit(1);

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import MagicString from 'magic-string';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

/** Concatenate a stylesheet with its relative `@import`s, so `dist/styles.css` is one file. */
function inlineImports(file: string): string {
  return readFileSync(file, 'utf8').replace(/^@import ['"](\.[^'"]+)['"];$/gm, (_line, path: string) =>
    inlineImports(resolve(dirname(file), path)),
  );
}

/**
 * Marks React's component and context factories (`forwardRef(…)`, `memo(…)`, `createContext(…)`)
 * as pure in the built chunks. The package ships as one `index.js`, so an app's bundler can only
 * drop what it does not import statement by statement, and it keeps any call it cannot prove pure:
 * without the mark, importing `Markdown` alone would also keep `ChatWindow`, `useChat` and the
 * chat engine (~8 kB gzipped).
 */
function pureFactories() {
  const factoryCall = /(?<![\w$.]|function\s+)(?:forwardRef|memo|createContext)\(/g;
  return {
    name: 'rivulet-pure-factories',
    renderChunk(code: string) {
      const edited = new MagicString(code);
      for (const match of code.matchAll(factoryCall)) edited.appendLeft(match.index, '/* @__PURE__ */ ');
      if (!edited.hasChanged()) return null;
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    pureFactories(),
    {
      name: 'rivulet-copy-styles',
      closeBundle() {
        mkdirSync('dist', { recursive: true });
        writeFileSync('dist/styles.css', inlineImports('src/styles.css'));
      },
    },
  ],
  // The highlighting worker is inlined as a string (see src/markdown/highlight-worker-start.ts):
  // minified, since no consumer bundler will touch it.
  // minified, since no consumer bundler will touch it, and without a source map comment a blob
  // URL could not resolve.
  worker: {
    rollupOptions: { output: { minify: true } },
    plugins: () => [
      {
        name: 'rivulet-worker-no-source-map-comment',
        generateBundle(_options, bundle) {
          for (const chunk of Object.values(bundle)) {
            if (chunk.type === 'chunk') chunk.code = chunk.code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
          }
        },
      },
    ],
  },
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    outDir: 'dist',
    sourcemap: true,
    minify: false,
    target: 'es2022',
    cssCodeSplit: false,
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: { banner: "'use client';" },
    },
  },
});

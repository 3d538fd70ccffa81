import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * `dist/math.css`: KaTeX's minified stylesheet with only its WOFF2 fonts (every browser Rivulet
 * supports reads them), which are copied to `dist/fonts/` so the stylesheet's relative URLs hold.
 */
function writeMathStyles(): void {
  const katexDist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
  const css = readFileSync(resolve(katexDist, 'katex.min.css'), 'utf8').replace(
    /,url\(fonts\/[\w-]+\.woff\) format\("woff"\),url\(fonts\/[\w-]+\.ttf\) format\("truetype"\)/g,
    '',
  );
  if (/\.(?:woff|ttf)\)/.test(css)) throw new Error('katex.min.css: unexpected font sources');
  writeFileSync('dist/math.css', css);
  mkdirSync('dist/fonts', { recursive: true });
  for (const font of readdirSync(resolve(katexDist, 'fonts'))) {
    if (font.endsWith('.woff2')) copyFileSync(resolve(katexDist, 'fonts', font), resolve('dist/fonts', font));
  }
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
        writeMathStyles();
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

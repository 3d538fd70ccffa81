import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = Object.keys(pkg.dependencies ?? {});

export default defineConfig({
  build: {
    // The main entry, and `@rivulet/core/syntax` (the Markdown rules a renderer shares with the core).
    lib: {
      entry: { index: 'src/index.ts', syntax: 'src/syntax.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    outDir: 'dist',
    sourcemap: true,
    minify: false,
    target: 'es2022',
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      // What both entries use (the syntax rules) lands in one shared chunk.
      output: { chunkFileNames: 'shared-[hash].js' },
    },
  },
});

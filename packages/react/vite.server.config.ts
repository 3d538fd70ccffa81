import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

/**
 * The `@rivulet/react/server` entry, built apart from the client entry (run after it: it adds to
 * `dist/`). Nothing it shares with `index.js` may carry `"use client"`, or a server component
 * importing it would get client references instead of functions; so it gets its own chunks. Only
 * the copy button, the one interactive part of a server-rendered code block, is a client module.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    lib: {
      entry: { server: 'src/server/index.ts', 'copy-button': 'src/markdown/copy-button.tsx' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: {
        banner: (chunk) => (chunk.name === 'copy-button' ? "'use client';" : ''),
        chunkFileNames: 'server-chunks/[name]-[hash].js',
      },
    },
  },
});

/**
 * Builds the bench pages. Rivulet is taken from source (as a user's bundler would take the built
 * package, minus the build step); `--mode profiling` builds the `useStream` page against React's
 * profiling build so `<Profiler>` reports commits in production mode.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const packages = fileURLToPath(new URL('../packages/', import.meta.url));

export default defineConfig(({ mode }) => {
  const profiling = mode === 'profiling';
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    resolve: {
      dedupe: ['react', 'react-dom'],
      alias: [
        { find: /^@rivulet\/react\/styles\.css$/, replacement: `${packages}react/src/styles.css` },
        { find: /^@rivulet\/react$/, replacement: `${packages}react/src/index.ts` },
        { find: /^@rivulet\/core$/, replacement: `${packages}core/src/index.ts` },
        { find: /^@rivulet\/core\/syntax$/, replacement: `${packages}core/src/syntax.ts` },
        ...(profiling ? [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] : []),
      ],
    },
    build: {
      outDir: profiling ? 'dist/profiling' : 'dist/renderers',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rollupOptions: {
        input: fileURLToPath(new URL(profiling ? 'profiling.html' : 'index.html', import.meta.url)),
      },
    },
  };
});

import { copyFileSync, mkdirSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

export default defineConfig({
  plugins: [
    react(),
    {
      name: 'rivulet-copy-styles',
      closeBundle() {
        mkdirSync('dist', { recursive: true });
        copyFileSync('src/styles.css', 'dist/styles.css');
      },
    },
  ],
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

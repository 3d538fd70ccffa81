import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Tests run against the packages' sources, as the `source` export condition says. */
const alias = {
  // Subpaths before their package, which would otherwise take them.
  '@rivulet/core/syntax': fileURLToPath(new URL('./packages/core/src/syntax.ts', import.meta.url)),
  '@rivulet/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  // Before '@rivulet/react', which would otherwise take its subpath.
  '@rivulet/react/server': fileURLToPath(new URL('./packages/react/src/server/index.ts', import.meta.url)),
  '@rivulet/react': fileURLToPath(new URL('./packages/react/src/index.ts', import.meta.url)),
};

export default defineConfig({
  test: {
    // Vitest's default leaves one core to its main process, which is mostly idle: on a 2-core CI
    // machine that is one worker, and the suite takes half as long again as with two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/unit.json' }]] : ['default'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'core',
          root: './packages/core',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          setupFiles: ['./test/setup.ts'],
        },
      },
      {
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'react',
          root: './packages/react',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'mock',
          root: './mock',
          environment: 'node',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'recipes',
          root: './docs/recipes',
          environment: 'node',
          include: ['test/**/*.test.ts'],
        },
      },
    ],
  },
});

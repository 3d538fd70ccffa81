import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  // No telemetry, no "what's new" fetch: Storybook must work offline.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      resolve: {
        // Stories use the packages as users do, resolved to their sources: no build needed.
        alias: [
          { find: '@rivulet/react/styles.css', replacement: source('../packages/react/src/styles.css') },
          { find: '@rivulet/react/math.css', replacement: source('../packages/react/src/math.css') },
          { find: /^@rivulet\/react$/, replacement: source('../packages/react/src/index.ts') },
          { find: /^@rivulet\/core$/, replacement: source('../packages/core/src/index.ts') },
          { find: /^@rivulet\/core\/syntax$/, replacement: source('../packages/core/src/syntax.ts') },
        ],
      },
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;

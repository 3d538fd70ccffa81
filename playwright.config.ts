import { defineConfig } from '@playwright/test';

/** End-to-end tests in real Chromium against the built demo and its mock `/api/chat` endpoint. */
// E2E_PORT lets two runs share a machine: each gets its own port and its own build folder.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = port === 4173 ? 'dist' : `dist-${port}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: './playwright',
  // Not `test-results/` itself: Playwright empties its output folder, and the unit report lives there.
  outputDir: port === 4173 ? 'test-results/e2e' : `test-results/e2e-${port}`,
  fullyParallel: true,
  workers: 2,
  // One retry in CI, with a trace of it; a test that passes only on retry is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    [isCI ? 'line' : 'list'],
    ['json', { outputFile: port === 4173 ? 'test-results/e2e.json' : `test-results/e2e-${port}.json` }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1100, height: 760 },
    launchOptions: {
      // The system Chromium: tests never download a browser.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // A production build served by `vite preview`: stable timing, no dependency optimisation mid-test.
    command: `npx vite build --config demo/vite.config.ts --logLevel warn --outDir ${outDir} && npx vite preview --config demo/vite.config.ts --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/api/mode`,
    // Always a fresh build of the current sources.
    reuseExistingServer: false,
    timeout: 120_000,
    // Always the mock, even on a machine with provider keys.
    env: { OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' },
  },
});

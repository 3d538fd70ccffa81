/**
 * Consumer test: installs the packed `@rivulet/core` and `@rivulet/react` tarballs into a fresh
 * Vite + React + TypeScript app, outside the workspace, once per supported React major, then
 * type-checks it, builds it, renders it on the server in plain Node, serves it and uses it in
 * Chromium (a streamed chat answer, a `useStream` answer, hydration of the server HTML). Then the
 * same for a Next.js App Router app (`next-app/`, see lib/next-app.mjs).
 *
 * Usage: node consumer/run.mjs   (after the packages are built)
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), RIVULET_CONSUMER_KEEP=1 keeps the temp dir,
 * RIVULET_CONSUMER_ONLY=vite or =next runs only those apps.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { checkApp } from './lib/browser.mjs';
import { createNextApp, testNextApp } from './lib/next-app.mjs';
import { freePort, run, startServer, stopAll } from './lib/proc.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const template = fileURLToPath(new URL('./template', import.meta.url));
const rootPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

/** The tool versions the workspace itself uses, so the consumer app matches what is supported. */
const tools = Object.fromEntries(
  ['vite', '@vitejs/plugin-react', 'typescript'].map((name) => [name, rootPackage.devDependencies[name]]),
);

const viteVariants = [
  { label: 'React 18.3', dir: 'react18', react: '18.3.1', types: '^18.3.0' },
  { label: 'React 19', dir: 'react19', react: '^19', types: '^19' },
].map((variant) => ({
  ...variant,
  kind: 'vite',
  create: (tarballs) => createApp(variant, tarballs),
  test: (app) => testApp(variant, app),
}));

const nextVariant = {
  label: 'Next.js App Router',
  kind: 'next',
  create: (tarballs) => createNextApp(work, tarballs),
  test: (app) => testNextApp(browser, app, step),
};

const only = process.env.RIVULET_CONSUMER_ONLY;
const variants = [...viteVariants, nextVariant].filter((variant) => !only || variant.kind === only);

const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
const work = mkdtempSync(join(tmpdir(), 'rivulet-consumer-'));
let browser;

function cleanUp() {
  stopAll();
  if (process.env.RIVULET_CONSUMER_KEEP === '1') console.log(`consumer: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    browser?.close().catch(() => {});
    cleanUp();
    process.exit(130);
  });
}

/** Runs `fn`, printing how long it took under `name`. */
async function step(name, fn) {
  const since = Date.now();
  const result = await fn();
  console.log(`  ${name} (${seconds(since)})`);
  return result;
}

/** Packs both packages as they would be published (`workspace:*` becomes a version). */
async function packPackages() {
  const built = ['core/dist/index.js', 'core/dist/index.d.ts', 'react/dist/index.js', 'react/dist/index.d.ts'];
  for (const file of [...built, 'react/dist/styles.css']) {
    if (!existsSync(join(repo, 'packages', file))) {
      throw new Error(`packages/${file} is missing: build the packages first (pnpm build)`);
    }
  }
  const destination = join(work, 'tarballs');
  mkdirSync(destination);
  await Promise.all(
    ['core', 'react'].map((name) =>
      run('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', destination], {
        cwd: join(repo, 'packages', name),
        log: join(work, `pack-${name}.log`),
        timeoutMs: 120_000,
      }),
    ),
  );
  const tarballs = readdirSync(destination);
  const find = (name) => {
    const file = tarballs.find((entry) => entry.startsWith(`rivulet-${name}-`) && entry.endsWith('.tgz'));
    if (!file) throw new Error(`no tarball for @rivulet/${name} in ${tarballs.join(', ')}`);
    return join(destination, file);
  };
  return { core: find('core'), react: find('react') };
}

/** Copies the template app for `variant` and installs it from the registry and the tarballs. */
async function createApp(variant, tarballs) {
  const app = join(work, variant.dir);
  cpSync(template, app, { recursive: true });
  const file = (tarball) => `file:${relative(app, tarball)}`;
  const manifest = {
    name: `rivulet-consumer-${variant.dir}`,
    private: true,
    type: 'module',
    dependencies: {
      '@rivulet/core': file(tarballs.core),
      '@rivulet/react': file(tarballs.react),
      react: variant.react,
      'react-dom': variant.react,
    },
    devDependencies: {
      ...tools,
      '@types/react': variant.types,
      '@types/react-dom': variant.types,
    },
    // @rivulet/react depends on @rivulet/core by version: take it from the tarball, never the registry.
    overrides: { '@rivulet/core': '$@rivulet/core' },
  };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: app,
    log: join(app, 'install.log'),
    timeoutMs: 240_000,
  });
  return app;
}

function installedVersion(app, name) {
  return JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Type-checks, builds, server-renders, serves and drives one app. */
async function testApp(variant, app) {
  const log = join(app, 'steps.log');
  const node = process.execPath;
  const vite = join(app, 'node_modules', 'vite', 'bin', 'vite.js');
  const development = { NODE_ENV: 'development' };
  console.log(
    `${variant.label}: react ${installedVersion(app, 'react')}, @types/react ${installedVersion(app, '@types/react')}`,
  );
  // Next.js App Router treats the entry as client code only when it opens with the directive.
  const entry = readFileSync(join(app, 'node_modules', '@rivulet', 'react', 'dist', 'index.js'), 'utf8');
  if (!/^(['"])use client\1;?\n/.test(entry))
    throw new Error('@rivulet/react dist/index.js does not start with "use client"');
  await step('tsc --noEmit', () =>
    run(node, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'], {
      cwd: app,
      log,
    }),
  );
  await step('vite build (production)', () => run(node, [vite, 'build'], { cwd: app, log }));
  // A development build of the hydrated page: only development React reports every mismatch.
  await step('vite build (development, /dev/)', () =>
    run(node, [vite, 'build', '--outDir', 'dist/dev', '--base', '/dev/'], { cwd: app, log, env: development }),
  );
  await step('vite build --ssr', () =>
    run(node, [vite, 'build', '--ssr', 'src/entry-server.tsx', '--outDir', 'dist-server'], {
      cwd: app,
      log,
      env: development,
    }),
  );
  await step('renderToString in Node', () =>
    run(node, [fileURLToPath(new URL('./lib/render-page.mjs', import.meta.url)), app], {
      cwd: app,
      log,
      env: development,
    }),
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = await step('vite preview', () =>
    startServer(node, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: app,
      log: join(app, 'preview.log'),
      url: `${baseUrl}/`,
    }),
  );
  try {
    await step('Chromium: chat, useStream, hydration', () =>
      checkApp(browser, { baseUrl, ssrPath: '/dev/ssr.html', label: variant.label }),
    );
  } finally {
    stop();
  }
}

let passed = 0;
let failed = 0;
try {
  console.log(`consumer: working in ${work}`);
  const tarballs = await step('pnpm pack core and react', packPackages);
  // Installs are network-bound: run them side by side.
  const apps = await step(`npm install (${variants.length} apps)`, () =>
    Promise.allSettled(variants.map((variant) => variant.create(tarballs))),
  );
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: launchArgs,
  });
  for (const [index, variant] of variants.entries()) {
    const since = Date.now();
    const app = apps[index];
    try {
      if (app.status === 'rejected') throw app.reason;
      await variant.test(app.value);
      passed += 1;
      console.log(`${variant.label}: passed (${seconds(since)})`);
    } catch (error) {
      failed += 1;
      console.error(`${variant.label}: FAILED\n${error instanceof Error ? error.message : error}`);
    }
  }
} catch (error) {
  failed = variants.length - passed;
  console.error(`consumer: ${error instanceof Error ? error.message : error}`);
} finally {
  await browser?.close().catch(() => {});
  cleanUp();
}
console.log(`consumer: ${passed} passed, ${failed} failed (${seconds(started)})`);
process.exitCode = failed === 0 ? 0 : 1;

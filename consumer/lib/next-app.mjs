/**
 * The Next.js consumer app: `next-app/` (App Router, a route handler streaming a mock OpenAI answer,
 * a page with `<ChatWindow>`) copied outside the workspace, installed from its committed lockfile
 * with the packed tarballs, built with `next build`, served with `next start` and used in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNextApp } from './next-browser.mjs';
import { freePort, run, startServer } from './proc.mjs';

const template = fileURLToPath(new URL('../next-app', import.meta.url));

/** No telemetry request leaves the machine, and no other instance's cache is shared. */
const nextEnv = { NEXT_TELEMETRY_DISABLED: '1' };

/**
 * Copies the template into `work/next` and installs it. The lockfile pins Next.js and everything
 * else; the tarballs sit at the fixed paths it names, so only their own entries can change.
 */
export async function createNextApp(work, tarballs) {
  const app = join(work, 'next');
  cpSync(template, app, { recursive: true });
  mkdirSync(join(app, 'tarballs'));
  copyFileSync(tarballs.core, join(app, 'tarballs', 'rivulet-core.tgz'));
  copyFileSync(tarballs.react, join(app, 'tarballs', 'rivulet-react.tgz'));
  const options = { cwd: app, log: join(app, 'install.log'), timeoutMs: 300_000, env: nextEnv };
  const flags = ['--no-audit', '--no-fund', '--prefer-offline'];
  try {
    await run('npm', ['ci', ...flags], options);
  } catch (error) {
    // A dependency of the packages changed since the lock was made: npm install adds what is missing.
    console.log(`  Next.js: npm ci failed, running npm install (${String(error.message).split('\n')[0]})`);
    await run('npm', ['install', ...flags], options);
  }
  // npm's cache answers by integrity: a lock that pinned one would install an older build unseen.
  for (const name of ['core', 'react']) {
    const packed = execFileSync('tar', ['-xzOf', tarballs[name], 'package/dist/index.js'], { encoding: 'utf8' });
    const installed = readFileSync(join(app, 'node_modules', '@rivulet', name, 'dist', 'index.js'), 'utf8');
    if (installed !== packed) throw new Error(`Next.js app: the installed @rivulet/${name} is not the one just packed`);
  }
  // Server components import the server entry: it must not be client code, its copy button must.
  const dist = join(app, 'node_modules', '@rivulet', 'react', 'dist');
  if (/^(['"])use client\1/.test(readFileSync(join(dist, 'server.js'), 'utf8'))) {
    throw new Error('@rivulet/react dist/server.js starts with "use client"');
  }
  if (!/^(['"])use client\1/.test(readFileSync(join(dist, 'copy-button.js'), 'utf8'))) {
    throw new Error('@rivulet/react dist/copy-button.js does not start with "use client"');
  }
  return app;
}

function installedVersion(app, name) {
  return JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Builds and serves the app, then drives it in `browser`. `step` times each stage. */
export async function testNextApp(browser, app, step) {
  const log = join(app, 'steps.log');
  const next = join(app, 'node_modules', 'next', 'dist', 'bin', 'next');
  console.log(`Next.js: next ${installedVersion(app, 'next')}, react ${installedVersion(app, 'react')}`);
  await step('next build', () =>
    run(process.execPath, [next, 'build'], { cwd: app, log, env: nextEnv, timeoutMs: 600_000 }),
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = await step('next start', () =>
    startServer(process.execPath, [next, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
      cwd: app,
      log: join(app, 'start.log'),
      url: `${baseUrl}/api/aborted`,
      env: nextEnv,
    }),
  );
  try {
    await step('Chromium: hydration, streamed answer, Stop aborts the route', () => checkNextApp(browser, { baseUrl }));
  } finally {
    stop();
  }
}

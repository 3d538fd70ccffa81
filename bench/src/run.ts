/**
 * `pnpm bench`: builds the bench pages with Vite, serves them, drives the system Chromium with
 * Playwright through interleaved rounds, prints one table and writes `results/latest.json`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, platform, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { aggregate } from './runner/aggregate';
import { launchBrowser } from './runner/browser';
import { benchRoot, config, fixtureFiles, readFixture } from './runner/config';
import { runNodeBenchmarks } from './runner/node-benches';
import { formatReport } from './runner/report';
import type { BenchResults } from './runner/results';
import { serveDirectory } from './runner/serve';
import { runSuite } from './runner/suite';

const started = performance.now();
/** The commit measured, marked `+dirty` when the working tree had changes (Rivulet is built from source). */
function revision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: benchRoot, encoding: 'utf8' }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', '../packages').length > 0 ? '+dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}
const measured = revision();
const configFile = join(benchRoot, 'vite.config.ts');
console.log('building bench pages');
await build({ configFile, mode: 'production' });
await build({ configFile, mode: 'profiling' });

const server = await serveDirectory(join(benchRoot, 'dist'));
const browser = await launchBrowser();
let raw: Awaited<ReturnType<typeof runSuite>>;
try {
  raw = await runSuite(browser, {
    renderers: `${server.url}/renderers/index.html`,
    profiling: `${server.url}/profiling/profiling.html`,
  });
} finally {
  await server.close();
}
const chromium = browser.version();
await browser.close();

const nodeBenchmarks = config.extras.includes('node') ? runNodeBenchmarks(10 * 60_000) : {};
const cpu = cpus();
const results: BenchResults = {
  date: new Date().toISOString(),
  revision: measured,
  durationSeconds: Math.round((performance.now() - started) / 1000),
  machine: {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    platform: `${platform()} ${process.arch}`,
  },
  config: {
    rounds: config.rounds,
    deltasPerFlush: config.deltasPerFlush,
    deltaSizes: '1-6',
    fixtures: Object.fromEntries(config.sizes.map((size) => [fixtureFiles[size], readFixture(size).length])),
  },
  ...aggregate(raw, config),
  failures: raw.failures,
  nodeBenchmarks,
};
console.log(`\n${formatReport(results)}`);
console.log(`\n(${results.durationSeconds} s)`);
writeFileSync(config.output, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${config.output}`);

#!/usr/bin/env node
/**
 * `pnpm fuzz [runs]`: the core fuzz suite (packages/core/test/fuzz) with a large budget.
 * Runs per property come from the argument, else FUZZ_RUNS, else 20000. Each property prints how
 * many cases it ran; a failure prints fast-check's seed and shrunk counterexample.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '20000';
if (!/^[1-9]\d*$/.test(runs)) {
  console.error(`fuzz: runs must be a positive integer, got "${runs}"`);
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync('npx', ['vitest', 'run', '--project', 'core', 'test/fuzz'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);

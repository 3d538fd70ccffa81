#!/usr/bin/env node
/**
 * `pnpm fuzz [runs]`: the core fuzz suite (packages/core/test/fuzz), the quick Markdown parser's
 * equivalence with remark (packages/core/test/markdown/quick-parse*.test.ts: CommonMark, GFM and
 * CJK generators) and the no-vanishing rule (no character a reader saw disappears as a streamed
 * document grows: packages/react/test/markdown/no-vanishing-text.property.test.tsx) with a large
 * budget. Runs per property come from the argument, else FUZZ_RUNS, else 20000; the React
 * properties draw a new random seed per run, FUZZ_SEED replays one.
 * Each property prints how many cases it ran; a failure prints fast-check's seed and shrunk
 * counterexample.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '20000';
if (!/^[1-9]\d*$/.test(runs)) {
  console.error(`fuzz: runs must be a positive integer, got "${runs}"`);
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
// The core fuzz suite, the quick Markdown parser against remark on generated Markdown, then the
// streamed prefixes of generated documents, none hiding text an earlier one showed.
for (const [project, files] of [
  ['core', 'test/fuzz'],
  ['core', 'test/markdown/quick-parse'],
  ['react', 'test/markdown/no-vanishing-text'],
]) {
  const result = spawnSync('npx', ['vitest', 'run', '--project', project, files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: runs },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * The Node micro-benchmarks of core (`bench/src/read-stream.ts`, `bench/src/markdown-core.ts`), run
 * when present with the packages taken from source, their printed output kept for the report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchRoot } from './config';

const scripts = ['read-stream', 'markdown-core'];

export function runNodeBenchmarks(timeoutMs: number): Record<string, string> {
  const outputs: Record<string, string> = {};
  const tsx = join(benchRoot, '..', 'node_modules', '.bin', 'tsx');
  for (const name of scripts) {
    const file = join(benchRoot, 'src', `${name}.ts`);
    if (!existsSync(file)) continue;
    console.log(`\nnode benchmark ${name}`);
    const run = spawnSync(tsx, ['--conditions=source', file], { cwd: benchRoot, encoding: 'utf8', timeout: timeoutMs });
    const output =
      `${run.stdout ?? ''}${run.status === 0 ? '' : `\n(exit ${run.status ?? run.signal}) ${run.stderr ?? ''}`}`.trim();
    console.log(output);
    outputs[name] = output;
  }
  return outputs;
}

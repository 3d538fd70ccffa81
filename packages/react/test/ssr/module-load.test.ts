// @vitest-environment node
/**
 * Loading `@rivulet/react` in plain Node: a fresh process (no test runner, no DOM shims) imports
 * the package through its `source` export condition and renders a chat with `react-dom/server`.
 * Browser globals may only be feature-checked with `typeof`, never used, and none may be created.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

interface Read {
  name: string;
  phase: 'load' | 'render';
  guarded: boolean;
  file: string;
  source: string;
}

interface ProbeResult {
  present: string[];
  reads: Read[];
  exports: string[];
  added: string[];
  html: string;
}

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const probe = fileURLToPath(new URL('./load-probe.mjs', import.meta.url));

async function runProbe(): Promise<ProbeResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@rivulet/source', '--import', 'tsx', probe],
    {
      cwd: packageRoot,
      timeout: 60_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  return JSON.parse(stdout) as ProbeResult;
}

describe('@rivulet/react in plain Node', () => {
  it('loads and renders on the server, reading browser globals only through typeof checks', async () => {
    const result = await runProbe();
    // The probe ran where none of the browser globals exist.
    expect(result.present).toEqual([]);
    expect(result.exports).toEqual(
      expect.arrayContaining(['ChatWindow', 'Markdown', 'StopButton', 'TypingCursor', 'useChat', 'useStream']),
    );
    expect(result.reads.filter((read) => !read.guarded)).toEqual([]);
    // Rendering itself needs no feature checks at all.
    expect(result.reads.filter((read) => read.phase === 'render')).toEqual([]);
    expect(result.added).toEqual([]);
    expect(result.html).toContain('role="log"');
    expect(result.html).toContain(
      '<code class="language-js"><span class="rivulet-code-lines">console.log(1);\n</span></code>',
    );
  }, 60_000);
});

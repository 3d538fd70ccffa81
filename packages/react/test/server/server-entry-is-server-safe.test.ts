// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * React Server Components get a React without state, effects or context: a module that imports one
 * of these fails to build (or to load) there. The server entry and every module it imports must do
 * without them, except the client modules it renders (the copy button), which the build marks
 * "use client" (see vite.server.config.ts).
 */
const src = fileURLToPath(new URL('../../src', import.meta.url));
const clientModules = new Set(['markdown/copy-button.tsx']);
const clientOnly =
  /\b(useState|useEffect|useLayoutEffect|useRef|useContext|useReducer|useSyncExternalStore|createContext)\b/;

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((file) => existsSync(file));
}

/** The modules the server entry loads, with the names each imports from 'react'. */
function serverGraph(): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    const name = relative(src, file);
    if (seen.has(name)) return;
    const source = readFileSync(file, 'utf8');
    const fromReact = [...source.matchAll(/import\s+(?!type\b)([^;]*?)\s+from\s+'react'/g)].map((match) => match[1]);
    seen.set(name, fromReact.join(' '));
    if (clientModules.has(name)) return;
    // Static and dynamic relative imports, but not `import type`.
    for (const match of source.matchAll(
      /(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g,
    )) {
      const target = resolveImport(file, (match[1] ?? match[2]) as string);
      if (target) visit(target);
    }
  };
  visit(join(src, 'server', 'index.ts'));
  return seen;
}

describe('the server entry', () => {
  it('imports no client-only React API outside its client modules', () => {
    const graph = serverGraph();
    expect(graph.has('markdown/pipeline.ts')).toBe(true);
    expect(graph.has('markdown/copy-button.tsx')).toBe(true);
    const offenders = [...graph].filter(([name, imported]) => !clientModules.has(name) && clientOnly.test(imported));
    expect(offenders).toEqual([]);
  });
});

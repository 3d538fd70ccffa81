// Adds explicit `.js` / `/index.js` extensions to relative imports in emitted `.d.ts` files, so the
// types resolve under `moduleResolution: node16/nodenext` as well as `bundler`.
// Usage: node scripts/fix-dts-imports.mjs <dist dir>
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');

function* declarationFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* declarationFiles(path);
    else if (name.endsWith('.d.ts')) yield path;
  }
}

const specifier = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

for (const file of declarationFiles(root)) {
  const source = readFileSync(file, 'utf8');
  const fixed = source.replace(specifier, (match, lead, quote, path) => {
    if (/\.(js|mjs|cjs|json|css)$/.test(path)) return match;
    const base = resolve(dirname(file), path);
    if (existsSync(`${base}.d.ts`)) return `${lead}${quote}${path}.js${quote}`;
    if (existsSync(join(base, 'index.d.ts'))) return `${lead}${quote}${path}/index.js${quote}`;
    return match;
  });
  if (fixed !== source) writeFileSync(file, fixed);
}

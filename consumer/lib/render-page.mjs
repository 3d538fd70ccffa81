/**
 * Server-renders the consumer app in plain Node (no DOM) and writes the HTML into the development
 * build's `ssr.html`, where the browser hydrates it. Usage: node render-page.mjs <app dir>.
 * Fails if React or the app logs any error or warning while rendering.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const app = process.argv[2];
if (!app) throw new Error('usage: node render-page.mjs <app dir>');
if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('expected plain Node');

const logged = [];
for (const method of ['error', 'warn']) {
  console[method] = (...args) => logged.push(`console.${method}: ${args.map(String).join(' ')}`);
}

const { render } = await import(pathToFileURL(join(app, 'dist-server', 'entry-server.js')).href);
const html = render();
if (logged.length > 0) throw new Error(`rendering logged:\n${logged.join('\n')}`);
for (const expected of ['role="log"', 'What can you render?', '<pre', '<table', 'aria-label="Message"']) {
  if (!html.includes(expected)) throw new Error(`the server HTML lacks ${expected}:\n${html}`);
}

const page = join(app, 'dist', 'dev', 'ssr.html');
const template = readFileSync(page, 'utf8');
if (!template.includes('<!--app-html-->')) throw new Error(`${page} has no <!--app-html--> placeholder`);
writeFileSync(page, template.replace('<!--app-html-->', html));
process.stdout.write(`server HTML: ${html.length} characters\n`);

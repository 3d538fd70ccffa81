/**
 * Fast path for the most common growing block of an LLM answer: an open fenced code block. Its
 * content is literal text, so its tree is built directly instead of repairing and parsing the
 * whole block on every flush (which costs time in proportion to the code so far). The result is
 * exactly the tree the full pipeline gives for the repaired block: `<pre><code class="language-x">`
 * holding the code, with a partial closing fence on the last line hidden, as repair hides it.
 *
 * Only the plain case takes this path: a top-level fence at column 0 whose opening line is
 * complete, with a simple language name, no carriage returns and no closing line yet. Anything
 * else (indented fences, fences in containers, escapes or entities in the info string) goes
 * through the full pipeline.
 */

import type { Element, Root } from 'hast';

const opening = /^(`{3,}|~{3,})([^\n]*)\n/;
const simpleLanguage = /^[\w+#.-]*$/;

/**
 * The hast of `source` repaired and parsed, when `source` is an open fenced code block of the
 * plain kind; otherwise `undefined` (parse it normally).
 */
export function openFenceHast(source: string): Root | undefined {
  const match = opening.exec(source);
  if (!match || source.includes('\r')) return undefined;
  const fence = match[1] as string;
  const info = match[2] as string;
  const char = fence[0] as '`' | '~';
  if (char === '`' && info.includes('`')) return undefined;
  // Escapes and entities in the info string would be decoded by the parser.
  if (info.includes('\\') || info.includes('&')) return undefined;
  const words = info.trim();
  const lang = words.split(/[ \t]/, 1)[0] ?? '';
  if (!simpleLanguage.test(lang)) return undefined;
  const meta = words.slice(lang.length).trim();

  const bodyStart = match[0].length;
  const lastNewline = source.lastIndexOf('\n');
  // A complete line that closes the fence: then the block is not open and parses normally.
  const closing = new RegExp(`^ {0,3}${char}{${fence.length},}[ \\t]*$`, 'm');
  const complete = source.slice(bodyStart, lastNewline + 1);
  if (closing.test(complete)) return undefined;

  // Repair replaces a last line that is only the start of a closing fence by the closing fence.
  const lastLine = source.slice(lastNewline + 1);
  const partialCloser = new RegExp(`^[ \\t>]*${char}+[ \\t]*$`);
  const body = lastLine !== '' && partialCloser.test(lastLine) ? complete : source.slice(bodyStart);
  const value = body.endsWith('\n') ? body.slice(0, -1) : body;

  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: lang ? { className: [`language-${lang}`] } : {},
    children: [{ type: 'text', value: value ? `${value}\n` : '' }],
  };
  // The words after the language travel as data (not rendered), as the parser leaves them.
  if (meta) code.data = { meta } as Element['data'];
  return { type: 'root', children: [{ type: 'element', tagName: 'pre', properties: {}, children: [code] }] };
}

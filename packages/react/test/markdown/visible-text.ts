/**
 * What a reader reads in a rendered `<Markdown>`: its text (image alt text included), without the
 * typing cursor or code toolbars. List markers are syntax, like `#` before a heading, and are left
 * out. Used by the property that no word character a reader saw disappears as more text arrives.
 */

const skipped = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);

function collect(node: Node, out: string[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (!(node instanceof Element) || skipped.has(node.tagName)) return;
  if (node.hasAttribute('data-rivulet-cursor') || node.classList.contains('rivulet-code-toolbar')) return;
  if (node.tagName === 'IMG') out.push(node.getAttribute('alt') ?? '');
  for (const child of node.childNodes) collect(child, out);
  if (node.tagName === 'BR' || /^(P|LI|H[1-6]|TR|PRE|BLOCKQUOTE|TD|TH)$/.test(node.tagName)) out.push(' ');
}

/** The text a reader reads in `root`. */
export function visibleText(root: Element): string {
  const out: string[] = [];
  collect(root, out);
  return out.join('');
}

/** Letters and digits of `text`, in order: what the reader reads, without syntax or spacing. */
export function wordCharacters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether `short` is a subsequence of `long` (every character of it there, in order). */
export function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (let index = 0; index < long.length && at < short.length; index += 1) {
    if (long[index] === short[at]) at += 1;
  }
  return at === short.length;
}

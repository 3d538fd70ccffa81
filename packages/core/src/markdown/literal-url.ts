/**
 * GFM literal URLs (`https://…`, `www.…`, in any case) as micromark reads them: where one ends, so
 * repair skips exactly the text the parser will turn into a link (markers inside a URL, `a_b*c`,
 * never count) and the quick parser links exactly that text. Punctuation that trails a URL (`.`,
 * `**`, a `]` before `(`) is not part of it.
 *
 * | text                                  | URL                       |
 * |---------------------------------------|---------------------------|
 * | `see https://a.com/a_b*c.`            | `https://a.com/a_b*c`     |
 * | `**https://a.com/b**`                 | `https://a.com/b`         |
 * | `[https://a.com](https://b.com)`      | `https://a.com`           |
 * | `https://a.com/x]y`, ``https://a.com/`x` `` | to the space: `]` and `` ` `` belong to it |
 * | `(https://a.com/(b))`                 | `https://a.com/(b)`       |
 */

const START = /^(?:https?:\/\/|www\.)/i;
/**
 * Punctuation that ends a URL when only more such punctuation follows up to its end. micromark keeps
 * a final `\\` in the URL; repair leaves it out, so a closer never has to go after a backslash.
 */
const TRAILING = '!"\')*,.:;?_~\\';

function isEnd(char: string | undefined): boolean {
  return char === undefined || char === '<' || /\s/u.test(char);
}

/** Whether the text from `index` to the end of the URL is trailing punctuation only. */
function isTrail(text: string, index: number): boolean {
  let at = index;
  for (;;) {
    const char = text[at];
    if (isEnd(char)) return true;
    if (TRAILING.includes(char as string)) at += 1;
    else if (char === '&') {
      // Something shaped like a character reference (`&amp;`) trails as a whole; at the end of the
      // text, `&amp` may still get its `;`, so it trails already (repair then hides it).
      let end = at + 1;
      while (/[A-Za-z]/.test(text[end] ?? '')) end += 1;
      if (end === text.length) return true;
      if (end === at + 1 || text[end] !== ';') return false;
      at = end + 1;
    } else if (char === ']') {
      const next = text[at + 1];
      if (isEnd(next) || next === '(' || next === '[') return true;
      at += 1;
    } else return false;
  }
}

/**
 * Length of the literal URL starting at `index`, or 0 when none starts there: `http://` and
 * `https://` after anything but an ASCII letter, `www.` at the start or after whitespace or `(*_~`.
 */
export function literalUrlLength(text: string, index: number): number {
  const char = text[index]?.toLowerCase();
  const before = text[index - 1];
  if (char === 'h' ? /[A-Za-z]/.test(before ?? '') : char !== 'w' || !(before === undefined || /[\s(*_~]/.test(before)))
    return 0;
  const start = START.exec(text.slice(index, index + 8))?.[0].length;
  if (start === undefined) return 0;
  let opened = 0;
  let closed = 0;
  for (let at = index + start; ; at += 1) {
    const current = text[at];
    if (isEnd(current)) return at - index;
    if (current === '(') opened += 1;
    else if (current === ')' && closed < opened) {
      closed += 1;
      continue;
    }
    if ((TRAILING.includes(current as string) || current === '&' || current === ']') && isTrail(text, at))
      return at - index;
    if (current === ')') closed += 1;
  }
}

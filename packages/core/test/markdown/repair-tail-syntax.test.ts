/**
 * Tail syntax whose text would vanish once complete is hidden while it streams (raw HTML, autolinks,
 * character references), and what can never complete is left as the literal text it will stay
 * (a link destination followed by prose, `a < b`). Cases partly from remend's suites (streamdown).
 */
import { repairMarkdown } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { parseNodes } from './documents';

/** [partial text, repaired text] */
const hidden: Array<[string, string]> = [
  ['Hello <div', 'Hello '],
  ['Hello <custom', 'Hello '],
  ['Text <MyComponent', 'Text '],
  ['Hello </div', 'Hello '],
  ['Hello <div class="fo', 'Hello '],
  ['Hello <div class=', 'Hello '],
  ['Hello <a href="https://exa', 'Hello '],
  ["<img src='x' alt='a b", ''],
  ['x <input checked disabled', 'x '],
  ['a<b', 'a'],
  ['word<strong', 'word'],
  // Once `<div` is hidden, `<b then ` could be a tag again: both hide until the text says otherwise.
  ['score a<b then <div', 'score a'],
  ['Array<string> ready <span', 'Array<string> ready '],
  ['text <!-- incomplete comment', 'text '],
  ['text <!-', 'text '],
  ['a <?php echo', 'a '],
  ['a <![CDA', 'a '],
  ['a <!DOCTYPE ht', 'a '],
  ['see <https://exa', 'see '],
  ['ends with <', 'ends with '],
  ['Hello &am', 'Hello '],
  ['Price &#12', 'Price '],
  ['Emoji &#x1F6', 'Emoji '],
  ['Just &', 'Just '],
  ['**bold <span cla', '**bold** '],
  ['Some *it <b', 'Some *it* '],
];

/** Text that stays exactly as it is. */
const kept: string[] = [
  'x <3',
  'a < b',
  '<- back',
  '3 < 5',
  'value <1',
  'Map<string, number',
  'for a<b the rest of this sentence keeps streaming',
  'returns Array<string wait more text here',
  'the loop runs while i<n\n\nTAIL',
  'Hello <div>',
  '<div>content</div>',
  // An HTML block: nothing of it is shown, complete or not.
  '<div>content</di',
  '<br/>',
  "<img src='test'>",
  'text <!-- comment -->',
  'AT&T rocks',
  'Tom &amp; Jerry',
  '`<div`',
  '```html\n<custom\n```',
  'mail <me@example.com>',
  'a <https://example.com> link',
  '[a]( b](c more text',
  '[t](http://x "title" x',
  '[a](b c',
];

/** [partial text, repaired text]: a code span whose closing run is being typed. */
const codeClosers: Array<[string, string]> = [
  ['Run ```npm i`', 'Run ```npm i```'],
  ['Run ```npm i``', 'Run ```npm i```'],
  ['Run ``a`', 'Run ``a``'],
  ['`ends with``', '`ends with`` `'],
];

describe('repairMarkdown hides tail syntax that would vanish when complete', () => {
  it.each(hidden)('%j', (partial, expected) => {
    expect(repairMarkdown(partial)).toBe(expected);
  });
});

describe('repairMarkdown keeps what can no longer become hidden syntax', () => {
  it.each(kept)('%j', (text) => {
    expect(repairMarkdown(text)).toBe(text);
  });

  it('a link destination that can never complete keeps the words after it', () => {
    const text = '[a]( b](c more text';
    const words = parseNodes(repairMarkdown(text))
      .filter((node) => node.type === 'text')
      .map((node) => (node as { value: string }).value)
      .join('');
    expect(words).toContain('more text');
  });
});

describe('repairMarkdown completes a code span closer being typed', () => {
  it.each(codeClosers)('%j', (partial, expected) => {
    expect(repairMarkdown(partial)).toBe(expected);
  });
});

import { repairMarkdown } from '@rivulet/core';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { openFenceHast } from '../../src/markdown/open-fence';
import { getProcessor, markdownToHast } from '../../src/markdown/pipeline';

const processor = getProcessor({});

/** The tree without source positions, which the fast path does not produce. */
function withoutPositions<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'position' ? undefined : value)));
}

function fullPipeline(source: string): Root {
  return withoutPositions(markdownToHast(repairMarkdown(source), processor));
}

const blocks = [
  '```ts\nconst answer: number = 42;\n\nfunction f() {\n  return answer;\n}\n```\n',
  '```\nplain text\n  indented\n\ttabbed\n```\n',
  '~~~python title="x.py"\ndef f():\n    return "```"\n~~~\n',
  '````md\n```js\ninner fence\n```\n\n``\n````\n',
  '```c++   \nint main() {}\n    ```\n```\n',
  '```sh\n\n\necho "blank lines first"\n``\n```\n',
  '~~~~\n~~~\nnot closed by a shorter fence\n~~~~~\n',
];

describe('open fence fast path', () => {
  it('gives the same tree as repairing and parsing, for every prefix of a code block', () => {
    let fast = 0;
    for (const block of blocks) {
      for (let end = 1; end <= block.length; end += 1) {
        const source = block.slice(0, end);
        const tree = openFenceHast(source);
        if (!tree) continue;
        fast += 1;
        expect(tree, JSON.stringify(source)).toEqual(fullPipeline(source));
      }
    }
    // Nearly every prefix past the opening line takes the fast path.
    expect(fast).toBeGreaterThan(blocks.join('').length * 0.7);
  });

  it('declines closed fences, partial opening lines and anything not plain', () => {
    for (const source of [
      '```js\nconst a = 1;\n```\n',
      '```js\nconst a = 1;\n```\n\nAfter',
      '```js',
      ' ```js\nindented fence\n',
      '> ```js\nin a quote\n',
      '```j\\*s\nescaped info\n',
      '```a&amp;b\nentity in info\n',
      '```js`\nbacktick in info\n',
      '```js\r\nwindows line endings\r\n',
      'Text\n```js\ncode\n',
    ]) {
      expect(openFenceHast(source), JSON.stringify(source)).toBeUndefined();
    }
  });

  it('keeps the info string words after the language out of the tree, as the parser does', () => {
    const source = '```ts title="a.ts" {1,3}\nlet a = 1;\n';
    expect(openFenceHast(source)).toEqual(fullPipeline(source));
    const code = openFenceHast(source)?.children[0];
    expect(code?.type === 'element' && code.children[0]).toMatchObject({ properties: { className: ['language-ts'] } });
  });
});

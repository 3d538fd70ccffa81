/**
 * While an answer streams, the element that shows a block, a table row, a list item or a block of a
 * quote is created once and kept: it is not mounted again when the text after it arrives and the
 * splitters give it a block or a child of its own. A re-created element costs its whole layout and
 * paint again, and drops what the browser held for it (a selection, a focused link).
 */
import { GrowingText } from '@rivulet/core';
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { randomChunks, seededRandom } from '../../../core/test/support/random';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

/**
 * Streams `markdown` in random chunks into one `<Markdown>` (as `useStream` hands it over), then
 * renders it finished, and returns every element matched by `selector` that was replaced, at the
 * same position, by another element of the same tag (a change of tag, a paragraph that turns out to
 * be a table's head, is not a re-mount). Positions in `skip` are not checked. With `strict`, under
 * `<StrictMode>` (each render run twice): a render must give the same elements both times.
 */
function remounted(
  markdown: string,
  selector: string,
  seed: number,
  skip: ReadonlySet<number> = new Set(),
  strict = false,
) {
  const wrap = (node: ReactNode) => (strict ? <StrictMode>{node}</StrictMode> : node);
  const { container, rerender } = render(wrap(<Markdown streaming highlight={false} />));
  const first = new Map<number, Element>();
  const replaced: string[] = [];
  const check = (when: string) =>
    container.querySelectorAll(selector).forEach((element, index) => {
      if (skip.has(index)) return;
      const before = first.get(index);
      if (before && before !== element && before.tagName === element.tagName) {
        replaced.push(`${index} <${element.tagName.toLowerCase()}> ${when}`);
      }
      if (before?.tagName !== element.tagName || before !== element) first.set(index, element);
    });
  let growing = GrowingText.from('');
  for (const chunk of randomChunks(markdown, seededRandom(seed), 12)) {
    growing = growing.append(chunk);
    rerender(
      wrap(
        <Markdown streaming highlight={false}>
          {growing}
        </Markdown>,
      ),
    );
    check(`at ${growing.length} characters`);
  }
  rerender(wrap(<Markdown highlight={false}>{growing}</Markdown>));
  check('once finished');
  expect(canonicalHtml(container.firstElementChild as HTMLElement)).toBe(canonicalStaticHtml(markdown));
  return replaced;
}

const answer = [
  'Here is the plan, in **three** steps.\n\n',
  '## 1. Build the image\n\n',
  'The image is built in two stages: `deps`, then `app`.\n\n',
  '1. Install the dependencies:\n   - `pnpm install`\n   - `pnpm build`\n2. Run it.\n\n',
  '> The multi-stage build keeps the image small.\n\n',
  'If a rollout goes wrong, undo it.\n\n',
  '- **4xx**: the client sent something wrong\n- **5xx**: we did\n\n',
  'A response then looks like this:\n\n',
  '```json\n{ "error": "not_found" }\n```\n\n',
  '## 2. Check it\n',
  'Open the *dashboard* and look.\n\n',
  '---\n\n',
  'Done.\n',
].join('');

const table = `| # | name | code |\n| -: | --- | --- |\n${Array.from(
  { length: 60 },
  (_, index) => `| ${index} | row **${index}** | \`a \\| b ${index}\` |\n`,
).join('')}`;

const list = Array.from(
  { length: 40 },
  (_, index) => `${index + 1}. Item ${index} with *emphasis*\n${' '.repeat(`${index + 1}. `.length)}- sub ${index}\n`,
).join('');

/** One item holding a long list: rendered block by block once it is 2 KB long. */
const longItem = `- Steps, in order:\n${Array.from(
  { length: 40 },
  (_, index) =>
    `  ${index + 1}. Step ${index} with *emphasis* and \`code ${index}\`\n${' '.repeat(`  ${index + 1}. `.length)}- sub ${index}\n`,
).join('')}`;

const quote = Array.from(
  { length: 12 },
  (_, index) => `> Part ${index} says **this**.\n>\n> - a ${index}\n> - b ${index}\n>\n`,
).join('');

describe('a streamed answer mounts each element once', () => {
  for (const seed of [1, 2, 3]) {
    it(`top-level blocks, whatever follows them (seed ${seed})`, () => {
      expect(remounted(answer, '.rivulet-blocks > *', seed)).toEqual([]);
    });

    it(`the rows of a long table (seed ${seed})`, () => {
      expect(remounted(table, 'tbody > tr', seed)).toEqual([]);
    });

    // The first item or block of a container is rendered with the whole block until its first line
    // is complete (only then is the block known to be one list or quote): it is mounted again once.
    it(`the items of a long list (seed ${seed})`, () => {
      expect(remounted(list, 'ol > li', seed, new Set([0]))).toEqual([]);
    });

    // Past 2 KB the item is rendered block by block: the steps typed until then are created once
    // more at that point (see `itemSplitMinLength`), the later ones only once.
    it(`the items of a list inside one long item (seed ${seed})`, () => {
      const before = longItem.slice(0, 2048).match(/^ {2}\d+\. /gm)?.length ?? 0;
      expect(before).toBeGreaterThan(5);
      const skip = new Set(Array.from({ length: before + 1 }, (_, index) => index));
      expect(remounted(longItem, 'li > ol > li', seed, skip)).toEqual([]);
    }, 30_000);

    it(`the blocks of a long quote (seed ${seed})`, () => {
      expect(remounted(quote, 'blockquote > *', seed, new Set([0]))).toEqual([]);
    });
  }
});

// Under StrictMode React renders twice and keeps the second render: a cache dropped during the first
// (a block's split state once it is final) gave the second one other elements, created again.
describe('a streamed answer mounts each element once under StrictMode', () => {
  it('top-level blocks', () => {
    expect(remounted(answer, '.rivulet-blocks > *', 1, new Set(), true)).toEqual([]);
  });

  it('the rows of a long table', () => {
    expect(remounted(table, 'tbody > tr', 1, new Set(), true)).toEqual([]);
  });

  it('the items of a long list', () => {
    expect(remounted(list, 'ol > li', 1, new Set([0]), true)).toEqual([]);
  });

  it('the items of a list inside one long item, and the blocks of the item once it ends', () => {
    const outline = `${longItem}\n  That is every step.\n- Rollback: undo.\n`;
    const before = outline.slice(0, 2048).match(/^ {2}\d+\. /gm)?.length ?? 0;
    const skip = new Set(Array.from({ length: before + 1 }, (_, index) => index));
    expect(remounted(outline, 'li > ol > li', 1, skip, true)).toEqual([]);
    // The item's blocks are created once more at 2 KB (see above), then kept, the end included.
    const blocks = remounted(outline, '.rivulet-blocks > ul > li > *', 1, new Set(), true);
    expect(blocks.filter((entry) => entry.endsWith('once finished'))).toEqual([]);
  }, 30_000);

  it('the blocks of a long quote', () => {
    expect(remounted(quote, 'blockquote > *', 1, new Set([0]), true)).toEqual([]);
  });
});

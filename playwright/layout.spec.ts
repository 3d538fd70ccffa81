import { expect, test } from '@playwright/test';
import { openHarness } from './fixtures';

/**
 * A streamed answer is laid out exactly like the same text rendered at once: the block groups a
 * streamed render adds (`div.rivulet-blocks`, so finished groups are laid out as one unit, and
 * skipped by the browser far from the viewport) must not move anything. 200 blocks, so several groups, with every kind of block at the boundaries.
 */
function longAnswer(): string {
  const kinds = [
    (i: number) => `## Heading ${i}\n`,
    (i: number) => `Paragraph ${i} with **bold**, \`code\` and a [link](https://example.com/${i}).\n`,
    (i: number) => `- item ${i}\n- item with a nested list\n  - nested ${i}\n`,
    (i: number) => `> Quoted ${i}\n>\n> second paragraph of the quote\n`,
    (i: number) => `1. first ${i}\n\n2. loose list item\n`,
    (i: number) => `\`\`\`ts\nconst value${i} = ${i};\n\`\`\`\n`,
    (i: number) => `| a | b |\n| - | - |\n| ${i} | x |\n`,
    () => '---\n',
  ];
  return Array.from({ length: 200 }, (_, i) => (kinds[i % kinds.length] as (i: number) => string)(i)).join('\n');
}

interface Box {
  tag: string;
  top: number;
  height: number;
}

test('a streamed answer is laid out exactly like the same text rendered at once', async ({ page }) => {
  await openHarness(page);
  const text = longAnswer();
  const measure = (key: string, streamed: boolean) =>
    page.evaluate(
      async ({ text, key, streamed }) => {
        if (streamed) {
          for (let end = 1; end < text.length; end += 97) {
            window.__render(text.slice(0, end), { key, streaming: true, cursor: false });
          }
        }
        const root = window.__render(text, { key, streaming: false });
        // Two frames: the browser decides which settled groups to skip during a frame.
        for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
        // The root's height first, before any query inside a skipped group makes the browser lay
        // that group out: skipped groups count with the size they keep.
        const height = root.getBoundingClientRect().height;
        const settled = [...root.querySelectorAll('.rivulet-blocks[data-settled]')];
        const skipped = settled.filter(
          (group) => !(group.firstElementChild as Element).checkVisibility({ contentVisibilityAuto: true }),
        ).length;
        const origin = root.getBoundingClientRect().top;
        const boxes = [...root.querySelectorAll('h2, p, ul, ol, li, blockquote, pre, table, hr')].map((element) => {
          const box = element.getBoundingClientRect();
          return { tag: element.tagName, top: box.top - origin, height: box.height };
        });
        return {
          height,
          boxes,
          groups: root.querySelectorAll('.rivulet-blocks').length,
          settled: settled.length,
          skipped,
        };
      },
      { text, key, streamed },
    );
  const streamed = await measure('streamed', true);
  const atOnce = await measure('at-once', false);
  // Groups of 32 blocks: the first six are complete and final, and those off screen are skipped.
  expect(streamed.settled).toBe(6);
  expect(streamed.skipped).toBeGreaterThanOrEqual(4);
  expect(streamed.groups).toBeGreaterThan(2);
  expect(atOnce.groups).toBe(0);
  expect(streamed.boxes.length).toBeGreaterThan(150);
  expect(streamed.boxes.map((box: Box) => box.tag)).toEqual(atOnce.boxes.map((box: Box) => box.tag));
  for (const [index, box] of streamed.boxes.entries()) {
    const other = atOnce.boxes[index] as Box;
    expect.soft(Math.abs(box.top - other.top), `${box.tag} #${index} top`).toBeLessThan(0.5);
    expect.soft(Math.abs(box.height - other.height), `${box.tag} #${index} height`).toBeLessThan(0.5);
  }
  expect(Math.abs(streamed.height - atOnce.height)).toBeLessThan(0.5);
});

/**
 * Table grid lines are separate borders (each cell draws its right and bottom one, the first column
 * its left one, the first row its top one) because collapsed borders make every update of a long
 * streamed table resolve all of them again. They must look exactly like collapsed 1px borders: the
 * same table, screenshotted under both rules, is the same picture, header, ragged rows, inline code
 * and a wide table scrolled in its box included.
 */
test('table borders look exactly like collapsed 1px borders', async ({ page }) => {
  await openHarness(page, '#root { width: 480px; margin: 16px; font: 16px/1.5 system-ui, sans-serif; }');
  const tables = [
    '| Name | Status | Notes |\n| :-- | :-: | --: |\n| `a|b` | **ok** | one |\n| c | | two words here |\n| d | e |\n',
    '| only |\n| --- |\n',
    `| ${Array.from({ length: 9 }, (_, i) => `column ${i}`).join(' | ')} |\n|${' --- |'.repeat(9)}\n| ${Array.from({ length: 9 }, (_, i) => `value number ${i}`).join(' | ')} |\n`,
  ];
  for (const [index, text] of tables.entries()) {
    await page.evaluate((text) => window.__render(text, { key: text }), text);
    const table = page.locator('.rivulet-markdown table');
    await expect(table).toHaveCount(1);
    const separate = await table.screenshot();
    const style = await page.addStyleTag({
      content: `.rivulet-markdown table { border-collapse: collapse !important; }
        .rivulet-markdown :is(th, td) { border: 1px solid var(--rivulet-border, #d0d7de) !important; }`,
    });
    const collapsed = await table.screenshot();
    await style.evaluate((element) => (element as HTMLStyleElement).remove());
    expect(separate.equals(collapsed), `table ${index}`).toBe(true);
    // Not trivially equal: the table has borders to compare.
    expect(
      await table
        .locator('td, th')
        .first()
        .evaluate((cell) => getComputedStyle(cell).borderRightWidth),
    ).toBe('1px');
  }
});

test('the last block has no bottom margin while the text streams, as once it is final', async ({ page }) => {
  await openHarness(page);
  const text = longAnswer().slice(0, 1500);
  // Each prefix ends a block and starts the next one with its first character.
  const cuts = [...text.matchAll(/\n\n/g)].map((match) => match.index + 2).filter((cut) => cut < text.length);
  expect(cuts.length).toBeGreaterThan(10);
  const results = await page.evaluate(
    ({ text, cuts }) => {
      // Streamed: one root growing through the prefixes, as an answer does.
      const streamed = cuts.map((cut) => {
        const root = window.__render(text.slice(0, cut + 1), { key: 'streamed', streaming: true, cursor: false });
        const blocks = [...root.querySelectorAll(':scope > .rivulet-blocks > *')];
        const margins = blocks.map((block) => getComputedStyle(block).marginBottom);
        // A new group whose only block shows nothing yet: the block before it, in a group settled
        // with its margin, keeps it until that block shows (see `useGroupMarks`).
        const emptyTail = root.lastElementChild?.childElementCount === 0;
        return { height: root.getBoundingClientRect().height, margins, count: blocks.length, emptyTail };
      });
      // The same text rendered at once. A block's first character alone (`-`, `#`, `|`) shows
      // nothing while it streams, so the text without it is the one to compare with then.
      return cuts.map((cut, index) => {
        const shown = /[A-Za-z]/.test(text[cut] as string) ? text.slice(0, cut + 1) : text.slice(0, cut);
        const root = window.__render(shown, { key: `final-${index}` });
        return {
          prefix: text.slice(0, cut + 1),
          streamed: streamed[index] as (typeof streamed)[number],
          finalHeight: root.getBoundingClientRect().height,
          finalCount: root.querySelectorAll(':scope > *').length,
        };
      });
    },
    { text, cuts },
  );
  expect(results.filter((result) => result.streamed.emptyTail).length).toBeLessThanOrEqual(1);
  for (const { prefix, streamed, finalHeight, finalCount } of results) {
    const where = JSON.stringify(prefix.slice(-12));
    expect(streamed.count, where).toBe(finalCount);
    if (streamed.emptyTail) continue;
    expect(streamed.margins.at(-1), where).toBe('0px');
    for (const margin of streamed.margins.slice(0, -1)) expect(['8px', '12px'], where).toContain(margin);
    expect(Math.abs(streamed.height - finalHeight), where).toBeLessThan(0.5);
  }
});

import { expect, test } from '@playwright/test';

/**
 * A streamed answer is laid out exactly like the same text rendered at once: the block groups a
 * streamed render adds (`div.rivulet-blocks`, so finished groups are laid out as one unit) must
 * not move anything. 100 blocks, so several groups, with every kind of block at the boundaries.
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
  return Array.from({ length: 100 }, (_, i) => (kinds[i % kinds.length] as (i: number) => string)(i)).join('\n');
}

interface Box {
  tag: string;
  top: number;
  height: number;
}

test('a streamed answer is laid out exactly like the same text rendered at once', async ({ page }) => {
  await page.goto('/harness.html');
  await page.waitForFunction(() => window.__harnessReady === true);
  const text = longAnswer();
  const measure = (key: string, streamed: boolean) =>
    page.evaluate(
      ({ text, key, streamed }) => {
        if (streamed) {
          for (let end = 1; end < text.length; end += 97) {
            window.__render(text.slice(0, end), { key, streaming: true, cursor: false });
          }
        }
        const root = window.__render(text, { key, streaming: false });
        const origin = root.getBoundingClientRect().top;
        const boxes = [...root.querySelectorAll('h2, p, ul, ol, li, blockquote, pre, table, hr')].map((element) => {
          const box = element.getBoundingClientRect();
          return { tag: element.tagName, top: box.top - origin, height: box.height };
        });
        return {
          height: root.getBoundingClientRect().height,
          boxes,
          groups: root.querySelectorAll('.rivulet-blocks').length,
        };
      },
      { text, key, streamed },
    );
  const streamed = await measure('streamed', true);
  const atOnce = await measure('at-once', false);
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

/**
 * The "Scripts and edge cases" documents (stories/support/edge-documents.ts) in Chromium, through the
 * bare `<Markdown>` harness: streamed in small random chunks (a frame now and then), each ends exactly
 * as its static render; right-to-left blocks really lay out right to left with code left to right; a
 * stopped answer inside a link stays repaired; a wide table scrolls in its own box with no word broken,
 * and the cursor of a streaming row sits in the cell being typed. Screenshots go to /tmp.
 */
import { expect, type Page, test } from '@playwright/test';
import { answerText, oneBlockAnswers } from '../mock/src/index.js';
import { arabicAnswer, edgeDocuments, hebrewAnswer, stoppedInLink, wideTable } from '../stories/support/edge-documents';
import { openHarness, watchPageErrors } from './fixtures';

/** The harness in a chat column `width` pixels wide. */
function openColumn(page: Page, width = 720) {
  return openHarness(page, `#root { width: ${width}px; margin: 16px; font: 16px/1.5 system-ui, sans-serif; }`);
}

/** Chunk lengths of 1 to 6 characters, the same on every run. */
function chunkLengths(total: number, seed: number): number[] {
  let state = seed;
  const lengths: number[] = [];
  for (let sum = 0; sum < total; ) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const length = 1 + (state % 6);
    lengths.push(length);
    sum += length;
  }
  return lengths;
}

/**
 * Streams `text` into the harness in the given chunks (letting a frame pass every few chunks), finishes
 * it, then renders it fresh as a static document; returns both canonical markups.
 */
async function streamAndCompare(page: Page, text: string, lengths: number[]) {
  return page.evaluate(
    async ({ text, lengths }) => {
      const canonical = (root: HTMLElement) => {
        const copy = root.cloneNode(true) as HTMLElement;
        for (const chrome of copy.querySelectorAll('.rivulet-code-toolbar, [data-rivulet-cursor]')) chrome.remove();
        for (const box of copy.querySelectorAll('.rivulet-code-block, .rivulet-blocks, .rivulet-table')) {
          box.replaceWith(...box.childNodes);
        }
        // The mark on the last block of a text rendered block by block (its margin) is chrome too.
        for (const tail of copy.querySelectorAll('[data-rivulet-tail]')) tail.removeAttribute('data-rivulet-tail');
        copy.normalize();
        // Blank text between blocks lays out nothing (a streamed render has none between its groups).
        const blocks = /^(P|UL|OL|LI|TABLE|THEAD|TBODY|TR|TD|TH|BLOCKQUOTE|PRE|H[1-6]|HR|SECTION|DIV)$/;
        const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
        const blank: Node[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.textContent?.trim() !== '' || node.parentElement?.closest('pre')) continue;
          const siblings = [node.previousSibling, node.nextSibling];
          const isBetweenBlocks =
            siblings.some((sibling) => sibling !== null && blocks.test(sibling.nodeName)) ||
            siblings.every((sibling) => sibling === null);
          if (isBetweenBlocks) blank.push(node);
        }
        for (const node of blank) node.parentNode?.removeChild(node);
        return copy.innerHTML;
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let end = 0;
      for (const [index, length] of lengths.entries()) {
        end += length;
        window.__render(text.slice(0, end), { streaming: true, key: 'streamed', highlight: false });
        if (index % 8 === 0) await frame();
      }
      const finished = canonical(window.__render(text, { key: 'streamed', highlight: false }));
      await frame();
      const fresh = canonical(window.__render(text, { key: 'static', highlight: false }));
      return { finished, fresh };
    },
    { text, lengths },
  );
}

test.describe('edge-case documents in Chromium', () => {
  for (const document of edgeDocuments.filter((item) => item !== stoppedInLink)) {
    test(`${document.id}: streamed in random chunks, ends as its static render`, async ({ page }) => {
      const errors = await watchPageErrors(page);
      await openColumn(page);
      for (const seed of [7, 19]) {
        const { finished, fresh } = await streamAndCompare(
          page,
          document.text,
          chunkLengths(document.text.length, seed),
        );
        expect(finished).toBe(fresh);
        expect(fresh).not.toBe('');
      }
      await page.locator('#root').screenshot({ path: `/tmp/rivulet-edge-${document.id}.png` });
      // A missing favicon is the harness page's, not a failure.
      expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
    });
  }

  test('right-to-left answers lay out right to left, code left to right', async ({ page }) => {
    await openColumn(page);
    for (const answer of [arabicAnswer, hebrewAnswer]) {
      await page.evaluate((text) => window.__render(text, { key: text.slice(0, 8), highlight: false }), answer.text);
      const directions = await page.evaluate(() => {
        const of = (selector: string) =>
          [...document.querySelectorAll(`#root ${selector}`)].map((element) => getComputedStyle(element).direction);
        return { headings: of(':is(h1, h2)'), lists: of(':is(ul, ol)'), pre: of('pre'), code: of(':not(pre) > code') };
      });
      expect(directions.headings, answer.id).toEqual(directions.headings.map(() => 'rtl'));
      expect(
        directions.lists.every((direction) => direction === 'rtl'),
        answer.id,
      ).toBe(true);
      expect(directions.pre, answer.id).toEqual(directions.pre.map(() => 'ltr'));
      expect(directions.code.length, answer.id).toBeGreaterThan(0);
      expect(new Set(directions.code), answer.id).toEqual(new Set(['ltr']));
    }
    // A paragraph that opens with inline code takes its direction from the Hebrew after it; the English
    // line at the end stays left to right.
    const paragraphs = await page.evaluate(() =>
      [...document.querySelectorAll('#root p')].map((p) => [
        p.textContent?.slice(0, 10),
        getComputedStyle(p).direction,
      ]),
    );
    expect(paragraphs[0]?.[1]).toBe('rtl');
    expect(paragraphs.at(-1)?.[1]).toBe('ltr');
    await page.locator('#root').screenshot({ path: '/tmp/rivulet-rtl-hebrew.png' });
  });

  test('a stopped answer inside a link stays repaired: no raw syntax, no link to a cut URL', async ({ page }) => {
    await openColumn(page);
    const result = await page.evaluate((text) => {
      const root = window.__render(text, { incomplete: true, highlight: false });
      return {
        // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees is the point.
        text: root.innerText,
        links: root.querySelectorAll('a').length,
        strong: root.querySelector('strong')?.textContent,
        incomplete: root.getAttribute('data-incomplete'),
      };
    }, stoppedInLink.text);
    expect(result.text).not.toContain('**');
    expect(result.text).not.toContain('[docs](');
    expect(result.text).not.toContain('https://');
    expect(result.links).toBe(0);
    expect(result.strong).toBe('the docs');
    expect(result.incomplete).toBe('true');
    await page.locator('#root').screenshot({ path: '/tmp/rivulet-stopped-link.png' });
  });
});

test.describe('one-block answers in Chromium', () => {
  // One long list, table, quote or code block, and an outline (one bullet holding a long list),
  // each split inside its block while it streams.
  for (const answer of oneBlockAnswers) {
    test(`${answer.id}: streamed in random chunks, ends as its static render`, async ({ page }) => {
      await openColumn(page);
      const text = answerText(answer);
      const { finished, fresh } = await streamAndCompare(page, text, chunkLengths(text.length, 11));
      expect(finished).toBe(fresh);
      expect(fresh.length).toBeGreaterThan(text.length / 2);
    });
  }

  test('the outline keeps the element of each finished step while later steps stream', async ({ page }) => {
    await openColumn(page);
    const text = answerText(oneBlockAnswers.find((answer) => answer.id === 'long-item')!);
    const kept = await page.evaluate(async (text) => {
      const steps = () => [...document.querySelectorAll('#root ul > li > ol > li')];
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const seen: Element[] = [];
      let replaced = 0;
      for (let end = 40; end < text.length + 40; end += 40) {
        window.__render(text.slice(0, end), { streaming: true, key: 'outline', highlight: false });
        if (end % 400 === 0) await frame();
        const now = steps();
        // Every step but the last one is finished: once seen, always the same element.
        now.slice(0, -1).forEach((step, index) => {
          if (seen[index] && seen[index] !== step) replaced += 1;
          seen[index] = step;
        });
      }
      return { replaced, steps: steps().length, seen: seen.length };
    }, text);
    // Past 2 KB the bullet is rendered block by block: the steps typed until then are created once more.
    expect(kept.replaced).toBeLessThanOrEqual(text.slice(0, 2048).match(/^ {2}\d+\. /gm)?.length ?? 0);
    expect(kept.steps).toBeGreaterThan(30);
    expect(kept.seen).toBe(kept.steps - 1);
  });
});

test.describe('a wide table in Chromium', () => {
  for (const width of [560, 320]) {
    test(`scrolls sideways in its own box, words kept whole (${width}px)`, async ({ page }) => {
      await openColumn(page, width);
      const layout = await page.evaluate((text) => {
        const root = window.__render(text, { highlight: false });
        const box = root.querySelector<HTMLElement>('.rivulet-table');
        const table = box?.querySelector('table');
        if (!box || !table) return undefined;
        // A word broken across lines has more than one line box: its range gives several rects.
        const broken: string[] = [];
        for (const cell of table.querySelectorAll('th, td')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const value = node.textContent ?? '';
            for (const match of value.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
              if (lines.size > 1) broken.push(match[0]);
            }
          }
        }
        box.scrollLeft = 120;
        return {
          boxOverflow: getComputedStyle(box).overflowX,
          boxScrolls: box.scrollWidth > box.clientWidth,
          scrolledBy: box.scrollLeft,
          boxWidth: box.getBoundingClientRect().width,
          rootWidth: root.getBoundingClientRect().width,
          rootOverflows: root.scrollWidth > root.clientWidth,
          broken,
        };
      }, wideTable.text);
      expect(layout).toBeDefined();
      expect(layout?.boxOverflow).toBe('auto');
      expect(layout?.boxScrolls).toBe(true);
      expect(layout?.scrolledBy).toBeGreaterThan(0);
      // The table widens its box's content, never the message.
      expect(layout?.boxWidth).toBeLessThanOrEqual((layout?.rootWidth ?? 0) + 0.5);
      expect(layout?.rootOverflows).toBe(false);
      expect(layout?.broken).toEqual([]);
      await page.locator('#root').screenshot({ path: `/tmp/rivulet-wide-table-${width}.png` });
    });
  }

  test('while a row streams, the cursor sits in the cell being typed', async ({ page }) => {
    await openColumn(page, 560);
    const rowStart = wideTable.text.indexOf('| Forbidden');
    const cells = await page.evaluate(
      ({ text, rowStart }) => {
        const found: Array<[string, number]> = [];
        for (const typed of ['| Forb', '| Forbidden | 40', '| Forbidden | 403 | The account']) {
          const root = window.__render(text.slice(0, rowStart) + typed, {
            streaming: true,
            key: 'row',
            highlight: false,
          });
          const cell = root.querySelector('[data-rivulet-cursor]')?.closest('td');
          found.push([cell?.textContent ?? '', cell ? [...(cell.parentElement?.children ?? [])].indexOf(cell) : -1]);
        }
        return found;
      },
      { text: wideTable.text, rowStart },
    );
    expect(cells).toEqual([
      ['Forb', 0],
      ['40', 1],
      ['The account', 2],
    ]);
    await page.locator('#root').screenshot({ path: '/tmp/rivulet-wide-table-streaming.png' });
  });
});

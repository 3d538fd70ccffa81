import { expect, openHarness, test } from './fixtures';

/** Code blocks of the `code` answer that end up highlighted, and how many there are. */
async function highlightedBlocks(page: import('@playwright/test').Page) {
  const blocks = page.locator('[data-role="assistant"] .rivulet-code-block');
  const highlighted = page.locator('[data-role="assistant"] .rivulet-code-block[data-highlighted="true"]');
  return { total: await blocks.count(), highlighted: await highlighted.count() };
}

test.describe('code highlighting', () => {
  test('tokenizes in a worker started from a blob URL, and highlights every block', async ({ openChat }) => {
    const chat = await openChat('scenario=code&tps=400');
    const errors: string[] = [];
    chat.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    chat.page.on('pageerror', (error) => errors.push(error.message));
    await chat.send('Show me code');
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect.poll(() => highlightedBlocks(chat.page), { timeout: 10_000 }).toEqual({ total: 5, highlighted: 5 });
    // Colours come from the themes as CSS variables, light and dark.
    const style = await chat.answer.locator('pre code .line span[style]').first().getAttribute('style');
    expect(style).toContain('--shiki-light');
    expect(style).toContain('--shiki-dark');
    expect(chat.page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/^blob:/)]);
    expect(errors).toEqual([]);
  });

  test('falls back to the main thread when a Content Security Policy blocks the worker', async ({ openChat, page }) => {
    // The same page, served with a policy that forbids workers.
    await page.route(
      (url) => url.pathname === '/',
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" },
        });
      },
    );
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    const chat = await openChat('scenario=code&tps=400');
    await chat.send('Show me code');
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect.poll(() => highlightedBlocks(chat.page), { timeout: 15_000 }).toEqual({ total: 5, highlighted: 5 });
    expect(chat.page.workers()).toEqual([]);
    // The only console errors are the browser's reports of the blocked worker.
    for (const text of violations) expect(text).toMatch(/Content Security Policy|worker/i);
  });
});

test.describe('highlighting only what can be seen', () => {
  /** A code block, then far more text than one screen holds, then two more code blocks. */
  const longDocument = [
    '```ts\nconst top = 1;\n```',
    ...Array.from({ length: 120 }, (_, index) => `Paragraph ${index} between the code blocks.`),
    '```ts\nconst middle = 2;\n```',
    ...Array.from({ length: 120 }, (_, index) => `Paragraph ${index} after the middle block.`),
    '```python\nbottom = 3\n```',
  ].join('\n\n');

  const states = (page: import('@playwright/test').Page) =>
    page
      .locator('.rivulet-code-block')
      .evaluateAll((blocks) => blocks.map((block) => block.getAttribute('data-highlighted')));

  test('highlights a code block when it comes near the viewport, and only then', async ({ page }) => {
    await openHarness(page);
    await page.evaluate((text) => window.__render(text), longDocument);
    await expect.poll(() => states(page), { timeout: 15_000 }).toEqual(['true', 'false', 'false']);
    // The far blocks stay plain, however long the page is left alone.
    await page.waitForTimeout(1500);
    expect(await states(page)).toEqual(['true', 'false', 'false']);

    await page.locator('.rivulet-code-block').nth(1).scrollIntoViewIfNeeded();
    await expect.poll(() => states(page), { timeout: 15_000 }).toEqual(['true', 'true', 'false']);
    await page.locator('.rivulet-code-block').nth(2).scrollIntoViewIfNeeded();
    await expect.poll(() => states(page), { timeout: 15_000 }).toEqual(['true', 'true', 'true']);
    // Scrolling back keeps what was highlighted.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    expect(await states(page)).toEqual(['true', 'true', 'true']);
  });

  test('looks ahead inside a scroll container too, such as a chat message list', async ({ page }) => {
    await openHarness(page, '#root { height: 300px; overflow: auto; }');
    // The second block starts below the container's visible 300 px but within a viewport height
    // of it; the third is thousands of pixels further down.
    const text = [
      '```ts\nconst top = 1;\n```',
      ...Array.from({ length: 12 }, (_, index) => `Paragraph ${index}.`),
      '```ts\nconst next = 2;\n```',
      ...Array.from({ length: 150 }, (_, index) => `Paragraph ${index} further down.`),
      '```ts\nconst far = 3;\n```',
    ].join('\n\n');
    await page.evaluate((text) => window.__render(text), text);
    const top = await page
      .locator('.rivulet-code-block')
      .nth(1)
      .evaluate((block) => {
        const scroller = document.getElementById('root') as HTMLElement;
        return block.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      });
    expect(top).toBeGreaterThan(300);
    expect(top).toBeLessThan(700);
    await expect.poll(() => states(page), { timeout: 15_000 }).toEqual(['true', 'true', 'false']);
    await page.waitForTimeout(1000);
    expect(await states(page)).toEqual(['true', 'true', 'false']);
  });

  test('waits for a fast scroll to settle before highlighting what it brought near', async ({ page }) => {
    await openHarness(page);
    await page.evaluate((text) => window.__render(text), longDocument);
    // The first block is highlighted: TypeScript's grammar is ready before the fling.
    await expect.poll(() => states(page), { timeout: 15_000 }).toEqual(['true', 'false', 'false']);
    // A fling down the page, 120 px a frame, to its end; each frame notes the middle block's state
    // once it has come within a viewport height.
    const during = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const middle = document.querySelectorAll('.rivulet-code-block')[1] as HTMLElement;
          const seen: string[] = [];
          const tick = () => {
            window.scrollBy(0, 120);
            if (middle.getBoundingClientRect().top < window.innerHeight * 2) {
              seen.push(middle.getAttribute('data-highlighted') ?? '');
            }
            const end = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
            if (end) resolve(seen);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    // Near for many frames of the fling, and never highlighted during it...
    expect(during.length).toBeGreaterThan(30);
    expect(new Set(during)).toEqual(new Set(['false']));
    // ...then highlighted once it settled, with the block the fling stopped at.
    await expect.poll(() => states(page), { timeout: 15_000 }).toEqual(['true', 'true', 'true']);
  });

  test("highlight='all' highlights every block, seen or not", async ({ page }) => {
    await openHarness(page);
    await page.evaluate((text) => window.__render(text, { highlight: 'all' }), longDocument);
    await expect.poll(() => states(page), { timeout: 15_000 }).toEqual(['true', 'true', 'true']);
  });
});

test.describe('code in chunks of lines', () => {
  // Longer than two chunks, with empty lines where a chunk would end and after it, a line of
  // spaces, a tab, and a line that runs past the column so the block scrolls sideways.
  const code = Array.from({ length: 90 }, (_, index) => {
    if (index === 31 || index === 32 || index === 70) return '';
    if (index === 64) return '    ';
    if (index === 5) return `\tconst long = [${Array.from({ length: 40 }, (_, n) => n).join(', ')}]; // past the edge`;
    return `  const value${index} = compute(${index}, 'item'); // step ${index}`;
  }).join('\n');
  const markdown = `\`\`\`ts\n${code}\n\`\`\``;

  /** Where each line's text is drawn (first to last character), the block's size, and its text as the browser gives it. */
  const geometry = (page: import('@playwright/test').Page) =>
    page.locator('pre code').evaluate((element) => {
      // The code's text nodes, whatever elements hold them, and where each starts in the text.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const texts: { node: Text; start: number }[] = [];
      let length = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        texts.push({ node: node as Text, start: length });
        length += (node as Text).length;
      }
      const at = (offset: number, end: boolean) => {
        // A line starts inside a node (not at its end), and ends inside one (not at its start).
        const found = texts.find(({ node, start }) =>
          end ? start < offset && offset <= start + node.length : start <= offset && offset < start + node.length,
        );
        if (!found) throw new Error(`No text node at ${offset}`);
        return [found.node, offset - found.start] as const;
      };
      const range = document.createRange();
      const boxes: string[] = [];
      let start = 0;
      for (const line of (element.textContent ?? '').split('\n')) {
        if (line !== '') {
          range.setStart(...at(start, false));
          range.setEnd(...at(start + line.length, true));
          const box = range.getBoundingClientRect();
          // Whole pixels: tokens are shaped as separate runs, which moves a line's end by a fraction.
          boxes.push([box.left, box.top, box.right, box.bottom].map(Math.round).join(','));
        }
        start += line.length + 1;
      }
      const pre = element.parentElement as HTMLElement;
      const selection = getSelection() as Selection;
      selection.selectAllChildren(element);
      const copied = selection.toString();
      selection.removeAllRanges();
      const innerText = (element as HTMLElement).innerText;
      return { height: pre.offsetHeight, scrollWidth: pre.scrollWidth, copied, innerText, boxes };
    });

  /** The same block with its code as one text node, as the browser draws it with no chunks. */
  const inOnePiece = async (page: import('@playwright/test').Page) => {
    await page.locator('pre code').evaluate((element) => element.replaceChildren(element.textContent ?? ''));
    return geometry(page);
  };

  test('are drawn, selected and copied exactly as the code in one piece, plain and highlighted', async ({ page }) => {
    await openHarness(page);
    await page.evaluate((text) => window.__render(text, { highlight: false, key: 'plain' }), markdown);
    const chunks = page.locator('pre code > .rivulet-code-lines');
    expect(await chunks.count()).toBe(3);
    // A chunk does not end on an empty line: the first takes line 31 (empty) and ends after line 33.
    expect((await chunks.first().textContent())?.split('\n')).toHaveLength(34);
    const plain = await geometry(page);
    const reference = await inOnePiece(page);
    // The browser leaves out the newline that ends a block's text.
    expect(reference.copied).toBe(code);
    expect(plain).toEqual(reference);

    await page.evaluate((text) => window.__render(text, { highlight: 'all', key: 'highlighted' }), markdown);
    await expect(page.locator('.rivulet-code-block')).toHaveAttribute('data-highlighted', 'true', { timeout: 15_000 });
    expect(await page.locator('pre code .line').count()).toBe(code.split('\n').length + 1);
    expect(await geometry(page)).toEqual(reference);
  });
});

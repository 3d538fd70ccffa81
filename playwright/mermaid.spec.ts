/**
 * Mermaid diagrams in real Chromium, with the real mermaid: an answer streams its diagrams as
 * code, each becomes an SVG once its fence closes (never a diagram of half the code), and none
 * ever goes back to code; every DOM change and every frame is sampled, so a flash between two
 * frames is seen too. A broken diagram keeps its code with a quiet note and no error picture, a
 * hostile one runs nothing, and the theme follows the chat's.
 */
import { answerText, findAnswer } from '../mock/src/index.js';
import { expect, openHarness, test } from './fixtures';
import { luminance, mermaidSources, nodeFill, sampleDiagrams, streamInHarness, watchProblems } from './mermaid-pages';

// Mermaid's first diagram is slow on a loaded machine (its chunks load, then its first layout): give
// the tests room.
test.describe.configure({ timeout: 60_000 });
/** How long a diagram may take to appear. */
const drawTimeout = 30_000;

test.describe('Mermaid diagrams', () => {
  // Cold: mermaid loads with the first closed fence, which may take longer than the rest of the
  // answer (the harness test below checks a diagram drawn while text keeps arriving).
  test('stream as code in a chat, become SVG once their fence closes, and never go back to code', async ({
    openChat,
    page,
  }) => {
    const problems = await watchProblems(page);
    const chat = await openChat('answer=mermaid&tps=150');
    const frames = await sampleDiagrams(chat.page);
    await chat.send('Draw me the flow');
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    const images = chat.answer.getByRole('img', { name: /^Diagram/ });
    await expect(images).toHaveCount(2, { timeout: drawTimeout });
    await expect(chat.answer.getByRole('img', { name: 'Diagram: From prompt to rendered answer' })).toBeVisible();
    await chat.page.waitForTimeout(300);
    const samples = await frames.read();

    const sources = mermaidSources(answerText(findAnswer('mermaid')!));
    expect(sources).toHaveLength(2);
    sources.forEach((source, index) => {
      const seen = samples.filter((sample) => sample.blocks[index] !== undefined);
      const first = seen.findIndex((sample) => sample.blocks[index]?.diagram);
      expect(first, `diagram ${index} was drawn`).toBeGreaterThan(0);
      // While its fence was open the diagram showed as code, as the answer streamed (how much it
      // grew per frame depends on the machine's load here; the harness test paces it).
      const asCode = seen.slice(0, first).filter((sample) => sample.blocks[index]?.code);
      expect(
        asCode.some((sample) => sample.status === 'streaming'),
        `diagram ${index} showed as code`,
      ).toBe(true);
      for (const sample of seen.slice(first)) {
        // Once drawn, always drawn: never the code again, never nothing, never a half diagram.
        expect(sample.blocks[index]).toEqual({ code: null, diagram: true, source });
      }
    });

    // Nothing mermaid used while drawing is left in the page, and nothing went wrong.
    expect(await chat.page.locator('body > [id*="rivulet-mermaid"]').count()).toBe(0);
    expect(problems()).toEqual([]);
    await images.first().evaluate((image) => image.closest('.rivulet-code-block')?.scrollIntoView({ block: 'start' }));
    await chat.screenshot('mermaid-streamed-light');
  });

  test('follow the dark theme and redraw when it changes, without showing code', async ({ openChat }) => {
    const chat = await openChat('answer=mermaid&tps=0&theme=dark');
    await chat.send('Draw me the flow');
    await expect(chat.answer.getByRole('img', { name: /^Diagram/ })).toHaveCount(2, { timeout: drawTimeout });
    const dark = await nodeFill(chat.page);
    expect(luminance(dark)).toBeLessThan(0.2);
    await chat.answer
      .getByRole('img')
      .first()
      .evaluate((image) => image.closest('.rivulet-code-block')?.scrollIntoView({ block: 'start' }));
    await chat.screenshot('mermaid-dark');

    const frames = await sampleDiagrams(chat.page, true);
    await chat.page.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(async () => luminance(await nodeFill(chat.page)), { timeout: drawTimeout }).toBeGreaterThan(0.5);
    const samples = await frames.read();
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      for (const block of sample.blocks) expect(block.diagram && block.code === null).toBe(true);
    }
  });
});

test.describe('a Mermaid diagram while text keeps streaming after it', () => {
  test('is drawn once its closing fence arrives, never before, and stays drawn', async ({ page }) => {
    const problems = await watchProblems(page);
    await openHarness(page);
    // Mermaid loaded and warm, so the diagram below is drawn while text still arrives.
    await page.evaluate(() => window.__render('```mermaid\ngraph LR\n  Warm --> Up\n```\n', { key: 'warm' }));
    await expect(page.locator('.rivulet-diagram svg')).toBeVisible({ timeout: drawTimeout });

    const diagram = 'flowchart LR\n  Prompt --> Model\n  Model -->|deltas| Buffer\n  Buffer --> Screen\n';
    const opening = 'The pipeline:\n\n```mermaid\n';
    const prose = Array.from({ length: 12 }, (_, index) => `Paragraph ${index + 1} arrives after the diagram.`);
    const text = `${opening}${diagram}\`\`\`\n\n${prose.join('\n\n')}\n`;
    const closed = opening.length + diagram.length + 4;
    // A pause inside the open fence, after complete lines that would already make a diagram.
    const pauseAt = opening.length + diagram.indexOf('Buffer -->');
    const samples = await streamInHarness(page, text, { chars: 4, pauseAt, pauseMs: 2500 });

    const first = samples.findIndex((sample) => sample.diagram);
    expect(first).toBeGreaterThan(0);
    // The code grew in the one box while the fence was open, and nothing was drawn from half of it.
    const asCode = samples.slice(0, first).filter((sample) => sample.code);
    expect(new Set(asCode.map((sample) => sample.code)).size).toBeGreaterThan(10);
    expect(samples[first]?.streamed).toBeGreaterThanOrEqual(closed);
    // Drawn while text was still arriving, and from then on never code, never nothing.
    expect(samples[first]?.streaming).toBe(true);
    expect(samples[first]?.streamed).toBeLessThan(text.length);
    for (const sample of samples.slice(first)) expect(sample).toMatchObject({ code: null, diagram: true });
    expect(problems()).toEqual([]);
  });
});

test.describe('Mermaid diagrams that cannot or must not be drawn as written', () => {
  test('a broken diagram shows its code with a quiet note, and no error picture', async ({ page }) => {
    const problems = await watchProblems(page);
    await openHarness(page);
    const broken = 'flowchart TD\n  A[Start] --> B{Ready?\n  B -->> ((C';
    await page.evaluate(
      (code) =>
        window.__render(
          `A diagram with a mistake:\n\n\`\`\`mermaid\n${code}\n\`\`\`\n\nAnd a working one:\n\n\`\`\`mermaid\ngraph LR\n  X --> Y\n\`\`\`\n`,
        ),
      broken,
    );
    const blocks = page.locator('.rivulet-code-block[data-language="mermaid"]');
    await expect(blocks.nth(1).getByRole('img', { name: 'Diagram' })).toBeVisible({ timeout: drawTimeout });
    const first = blocks.first();
    await expect(first).toHaveAttribute('data-diagram', 'failed');
    await expect(first.locator('pre')).toBeVisible();
    await expect(first.locator('pre')).toHaveText(`${broken}\n`);
    await expect(first.locator('.rivulet-diagram-note')).toHaveText('Diagram could not be rendered');
    await expect(first.locator('svg')).toHaveCount(0);
    await expect(page.locator('[aria-roledescription="error"]')).toHaveCount(0);
    await expect(page.getByText('Syntax error in text')).toHaveCount(0);
    expect(await page.locator('body > :not(#root)').count()).toBe(0);
    expect(problems()).toEqual([]);
    const path = 'test-results/screenshots/mermaid-broken.png';
    await page.locator('#root').screenshot({ path, animations: 'disabled' });
  });

  test('a hostile diagram runs nothing and links nowhere unsafe', async ({ page }) => {
    await openHarness(page);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const hostile = [
      'flowchart TD',
      '  A["<img src=x onerror=alert(1)>Click"] --> B["<script>alert(2)</script>B"]',
      `  B --> C["<a href='javascript:alert(3)'>C</a>"]`,
      '  click A href "javascript:alert(4)"',
      '  click B call alert(5)',
      '  click C "javascript:alert(6)" "tooltip"',
    ].join('\n');
    await page.evaluate((code) => window.__render(`\`\`\`mermaid\n${code}\n\`\`\`\n`), hostile);
    const diagram = page.locator('.rivulet-diagram');
    await expect(diagram.locator('svg')).toBeVisible({ timeout: drawTimeout });
    const unsafe = await diagram.evaluate((element) => {
      const found: string[] = [];
      for (const node of element.querySelectorAll('*')) {
        if (node.localName === 'script') found.push('<script>');
        for (const attribute of node.attributes) {
          const value = attribute.value.replace(/\s/g, '').toLowerCase();
          if (attribute.name.toLowerCase().startsWith('on')) found.push(`${node.localName} ${attribute.name}`);
          if (/^(javascript|vbscript|data):/.test(value)) found.push(`${node.localName} ${attribute.name}=${value}`);
        }
      }
      return found;
    });
    expect(unsafe).toEqual([]);
    for (const node of await diagram.locator('.node').all()) await node.click({ force: true });
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});

/**
 * Math in real Chromium, with the real KaTeX: the math answer streams in a chat and every DOM
 * change and every frame is sampled (so a flash between two frames is seen too): no KaTeX error
 * text, no formula shown as an error, no raw `$$` at any moment; prices stay text; the finished
 * answer is the same DOM as the text rendered at once, and a text streamed one character at a
 * time through the harness ends the same way.
 */
import type { Page } from '@playwright/test';
import { answerText, findAnswer } from '../mock/src/index.js';
import { expect, openHarness, test, watchPageErrors } from './fixtures';

test.describe.configure({ timeout: 60_000 });

/** Records the answer's visible text and its error markers after every DOM change and every frame. */
async function sampleMath(page: Page) {
  await page.evaluate(() => {
    type Sample = { text: string; errors: number; formulas: number; status: string | null };
    const samples: Sample[] = [];
    (window as unknown as { __mathSamples: Sample[] }).__mathSamples = samples;
    const existing = document.querySelectorAll('[data-role="assistant"]').length;
    const visible = (element: Element): string => {
      let text = '';
      for (const node of element.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
        else if (node instanceof Element && !node.matches('.katex-mathml, annotation')) text += visible(node);
      }
      return text;
    };
    const sample = () => {
      const answers = document.querySelectorAll<HTMLElement>('[data-role="assistant"]');
      const answer = answers.length > existing ? answers[answers.length - 1] : undefined;
      const markdown = answer?.querySelector('.rivulet-markdown');
      if (!answer || !markdown) return;
      samples.push({
        text: visible(markdown),
        errors: markdown.querySelectorAll('.katex-error, .rivulet-math[data-state="error"]').length,
        formulas: markdown.querySelectorAll('.rivulet-math .katex').length,
        status: answer.getAttribute('data-status'),
      });
    };
    new MutationObserver(sample).observe(document.body, { subtree: true, childList: true, characterData: true });
    const tick = () => {
      sample();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return {
    read: () =>
      page.evaluate(
        () =>
          (window as unknown as { __mathSamples: { text: string; errors: number; formulas: number; status: string }[] })
            .__mathSamples,
      ),
  };
}

/** A rendered root's markup, without the block groups of a streamed render and the mark on its last block. */
function canonical(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const group of copy.querySelectorAll('.rivulet-blocks')) group.replaceWith(...group.childNodes);
  for (const tail of copy.querySelectorAll('[data-rivulet-tail]')) tail.removeAttribute('data-rivulet-tail');
  copy.removeAttribute('data-streaming');
  copy.removeAttribute('data-incomplete');
  return copy.innerHTML.replace(/>\s+</g, '><');
}

/** The text rendered at once in the harness (math drawn), as canonical markup. */
async function staticMarkup(page: Page, text: string): Promise<string> {
  return page.evaluate(
    async ({ text, canonicalSource }) => {
      const canonicalOf = new Function(`return ${canonicalSource}`)() as (root: Element) => string;
      let root = window.__render(text, { key: 'static' });
      // Once KaTeX has loaded, the formulas are drawn in the same render.
      for (let tries = 0; tries < 200 && !root.querySelector('.rivulet-math .katex'); tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        root = window.__render(text, { key: 'static' });
      }
      return canonicalOf(root);
    },
    { text, canonicalSource: canonical.toString() },
  );
}

/** Display math as GitHub writes it: fenced blocks whose language is `math`, one in a list item. */
const mathFences = [
  'Maxwell:',
  '',
  '```math',
  '\\begin{aligned}',
  '\\nabla \\cdot \\mathbf{E} &= \\frac{\\rho}{\\varepsilon_0} \\\\',
  '\\nabla \\cdot \\mathbf{B} &= 0',
  '\\end{aligned}',
  '```',
  '',
  '- Basel:',
  '',
  '  ~~~math',
  '  \\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}',
  '  ~~~',
  '',
  'Done.',
].join('\n');

test.describe('Math', () => {
  test('streams in a chat without an error or a raw $$ at any frame, and ends as the static render', async ({
    openChat,
    page,
  }) => {
    const problems = await watchPageErrors(page);
    // Failed requests are checked by URL (fonts, the math chunk); the harness page has no favicon.
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) missing.push(response.url());
    });
    const chat = await openChat('answer=math&tps=60');
    const frames = await sampleMath(chat.page);
    await chat.send('Show me some math');
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(chat.answer.locator('.rivulet-math .katex').first()).toBeVisible();
    await chat.page.waitForTimeout(200);
    const samples = await frames.read();

    expect(samples.length).toBeGreaterThan(20);
    expect(samples.some((sample) => sample.status === 'streaming' && sample.formulas > 0)).toBe(true);
    for (const sample of samples) {
      expect(sample.errors, sample.text.slice(-80)).toBe(0);
      expect(sample.text, 'raw $$ on screen').not.toContain('$$');
      expect(sample.text, 'raw \\[ on screen').not.toMatch(/\\[[\]()]/);
    }
    const final = samples[samples.length - 1] as (typeof samples)[number];
    expect(final.text).toContain('costs $5 and the pro plan $10 a month, or $99.50 a year.');
    await expect(chat.answer.locator('div.rivulet-math[data-math="display"] .katex-display')).toHaveCount(3);

    // The fonts of @rivulet/react/math.css load (KaTeX measured its glyphs with them).
    expect(await chat.page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    await chat.answer.screenshot({ path: '/tmp/rivulet-math-chat.png', animations: 'disabled', caret: 'hide' });

    const answered = await chat.answer.locator('.rivulet-markdown').evaluate(canonical);
    await openHarness(page);
    expect(answered).toBe(await staticMarkup(page, answerText(findAnswer('math')!)));
    expect(missing).toEqual([]);
    expect(problems.filter((problem) => !problem.includes('Failed to load resource'))).toEqual([]);
  });

  test('streamed one character at a time, ends exactly as the text rendered at once', async ({ page }) => {
    await openHarness(page);
    const text = answerText(findAnswer('math')!);
    const expected = await staticMarkup(page, text);
    const result = await page.evaluate(
      ({ text, canonicalSource }) => {
        const canonicalOf = new Function(`return ${canonicalSource}`)() as (root: Element) => string;
        const seen: string[] = [];
        for (let end = 1; end <= text.length; end += 1) {
          const root = window.__render(text.slice(0, end), { key: 'streamed', streaming: true });
          if (root.querySelector('.katex-error, .rivulet-math[data-state="error"]')) seen.push(`error at ${end}`);
          const copy = root.cloneNode(true) as Element;
          for (const hidden of copy.querySelectorAll('.katex-mathml')) hidden.remove();
          if (copy.textContent?.includes('$$')) seen.push(`$$ at ${end}`);
        }
        const root = window.__render(text, { key: 'streamed', streaming: false });
        return { seen, markup: canonicalOf(root) };
      },
      { text, canonicalSource: canonical.toString() },
    );
    expect(result.seen).toEqual([]);
    expect(result.markup).toBe(expected);
    await page.screenshot({ path: '/tmp/rivulet-math-harness.png', fullPage: true });
  });

  test('a ```math fence streamed one character at a time is display math at every frame, never code', async ({
    page,
  }) => {
    await openHarness(page);
    const expected = await staticMarkup(page, mathFences);
    const result = await page.evaluate(
      ({ text, canonicalSource }) => {
        const canonicalOf = new Function(`return ${canonicalSource}`)() as (root: Element) => string;
        const seen: string[] = [];
        for (let end = 1; end <= text.length; end += 1) {
          const root = window.__render(text.slice(0, end), { key: 'streamed', streaming: true });
          if (root.querySelector('.katex-error, .rivulet-math[data-state="error"]')) seen.push(`error at ${end}`);
          if (root.querySelector('code.language-math')) seen.push(`code block at ${end}`);
          const copy = root.cloneNode(true) as Element;
          for (const hidden of copy.querySelectorAll('.katex-mathml')) hidden.remove();
          if (/```|~~~/.test(copy.textContent ?? '')) seen.push(`raw fence at ${end}`);
        }
        const root = window.__render(text, { key: 'streamed', streaming: false });
        return { seen, markup: canonicalOf(root) };
      },
      { text: mathFences, canonicalSource: canonical.toString() },
    );
    expect(result.seen).toEqual([]);
    expect(result.markup).toBe(expected);
    const formulas = page.locator('div.rivulet-math[data-math="display"] .katex-display');
    await expect(formulas).toHaveCount(2);
    await expect(formulas.first()).toBeVisible();
    await page.screenshot({ path: '/tmp/rivulet-math-fence-harness.png', fullPage: true });
  });
});

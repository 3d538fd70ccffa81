/**
 * Shared helpers of the end-to-end tests: open the playground in a given mock state, send a
 * message like a user, read the mock server's view of the requests, and sample the page every
 * animation frame (so intermediate states are observed, not guessed).
 */
import { type APIRequestContext, test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export { expect };

export interface MockCounts {
  started: number;
  completed: number;
  aborted: number;
  dropped: number;
  errored: number;
}

export interface Chat {
  page: Page;
  /** This test's id in the mock server's stats (`?run=`). */
  run: string;
  log: Locator;
  composer: Locator;
  /** The latest assistant message. */
  answer: Locator;
  /** Types `text` in the composer and presses Enter. */
  send(text: string): Promise<void>;
  /** What the mock server counted for this test's requests. */
  counts(): Promise<MockCounts | undefined>;
  /** The latest answer's visible text length (its Markdown, without the author and buttons). */
  answerLength(): Promise<number>;
  /** Saves a screenshot of the chat into the report and `test-results/screenshots/`. */
  screenshot(name: string): Promise<void>;
}

interface Fixtures {
  openChat(query?: string): Promise<Chat>;
}

async function readCounts(request: APIRequestContext, run: string): Promise<MockCounts | undefined> {
  const response = await request.get('/api/mock/stats');
  const stats = (await response.json()) as { runs: Record<string, MockCounts> };
  return stats.runs[run];
}

function runId(testInfo: TestInfo): string {
  return `${testInfo.testId}-${testInfo.repeatEachIndex}-${testInfo.retry}`;
}

export const test = base.extend<Fixtures>({
  openChat: async ({ page, request }, use, testInfo) => {
    const run = runId(testInfo);
    await use(async (query = '') => {
      const params = new URLSearchParams(query);
      params.set('run', run);
      await page.goto(`/?${params}`);
      const log = page.getByRole('log');
      const composer = page.getByRole('textbox', { name: 'Message' });
      await expect(composer).toBeVisible();
      const answer = page.locator('[data-role="assistant"]').last();
      return {
        page,
        run,
        log,
        composer,
        answer,
        async send(text) {
          await composer.fill(text);
          await composer.press('Enter');
        },
        counts: () => readCounts(request, run),
        answerLength: () =>
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user sees
          answer.evaluate((element) => element.querySelector<HTMLElement>('.rivulet-markdown')?.innerText.length ?? 0),
        async screenshot(name) {
          const path = `test-results/screenshots/${name}.png`;
          const body = await page.locator('.demo-chat').screenshot({ path, animations: 'disabled', caret: 'hide' });
          await testInfo.attach(name, { body, contentType: 'image/png' });
        },
      };
    });
  },
});

/**
 * Records, every animation frame from now until the latest answer has streamed and finished, the
 * answer's visible text and whether a typing cursor is shown. Call it before sending, so the
 * first painted tokens are seen too.
 */
export async function sampleAnswerFrames(page: Page) {
  await page.evaluate(() => {
    const samples: { text: string; cursor: boolean; status: string | null }[] = [];
    (window as unknown as { __samples: typeof samples }).__samples = samples;
    const existing = document.querySelectorAll('[data-role="assistant"]').length;
    let started = false;
    const tick = () => {
      const answers = document.querySelectorAll<HTMLElement>('[data-role="assistant"]');
      const answer = answers.length > existing ? answers[answers.length - 1] : undefined;
      if (answer) {
        const status = answer.getAttribute('data-status');
        const markdown = answer.querySelector<HTMLElement>('.rivulet-markdown');
        samples.push({
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user sees
          text: markdown?.innerText ?? '',
          cursor: answer.querySelector('[data-rivulet-cursor]') !== null,
          status,
        });
        if (status === 'streaming' || status === 'connecting') started = true;
        else if (started) return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return {
    read: () =>
      page.evaluate(
        () =>
          (window as unknown as { __samples: { text: string; cursor: boolean; status: string | null }[] }).__samples,
      ),
  };
}

/**
 * Collects, from now on, what the page reports as broken: console errors, uncaught exceptions and
 * unhandled promise rejections. Call it before the page navigates (before `openChat`), so the
 * rejection listener is in place before any page code runs. Returns the live list.
 */
export async function watchPageErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.addInitScript(() => {
    window.addEventListener('unhandledrejection', (event) => {
      console.error(`unhandled rejection: ${String(event.reason)}`);
    });
  });
  return errors;
}

/**
 * Opens the bare `<Markdown>` page (see `demo/src/harness/main.tsx`) and waits until
 * `window.__render` can be called; `style`, if given, is added as a stylesheet (a column width).
 */
export async function openHarness(page: Page, style?: string): Promise<void> {
  await page.goto('/harness.html');
  await page.waitForFunction(() => window.__harnessReady === true);
  if (style) await page.addStyleTag({ content: style });
}

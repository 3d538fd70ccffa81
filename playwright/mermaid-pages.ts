/**
 * Page helpers of the Mermaid end-to-end tests: sampling the mermaid code blocks of a chat answer
 * after every DOM change and every frame, streaming a text into the bare `<Markdown>` harness frame
 * by frame while sampling, and reading a diagram's colours.
 */
import type { Page } from '@playwright/test';
import { watchPageErrors } from './fixtures';

export interface BlockSample {
  /** The code, when the `<pre>` is shown. */
  code: string | null;
  /** The diagram's SVG is shown. */
  diagram: boolean;
  /** The code block's source, shown or not. */
  source: string;
}

export interface Sample {
  status: string | null;
  blocks: BlockSample[];
}

/** The mermaid sources of the canned answer, as their code blocks hold them. */
export function mermaidSources(text: string): string[] {
  return [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}

/**
 * Records the mermaid blocks of an answer after every DOM change and every frame: the next answer,
 * or with `latest` the one already on screen.
 */
export async function sampleDiagrams(page: Page, latest = false) {
  await page.evaluate((latest) => {
    const samples: Sample[] = [];
    (window as unknown as { __diagramSamples: Sample[] }).__diagramSamples = samples;
    const existing = document.querySelectorAll('[data-role="assistant"]').length - (latest ? 1 : 0);
    const sample = () => {
      const answers = document.querySelectorAll<HTMLElement>('[data-role="assistant"]');
      const answer = answers.length > existing ? answers[answers.length - 1] : undefined;
      if (!answer) return;
      const blocks = [...answer.querySelectorAll('.rivulet-code-block[data-language="mermaid"]')].map((block) => {
        const pre = block.querySelector('pre');
        return {
          code: pre && !pre.hidden ? (pre.textContent ?? '') : null,
          diagram: block.querySelector('.rivulet-diagram:not([hidden]) svg') !== null,
          source: pre?.textContent ?? '',
        };
      });
      samples.push({ status: answer.getAttribute('data-status'), blocks });
    };
    new MutationObserver(sample).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    const tick = () => {
      sample();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, latest);
  return {
    read: () => page.evaluate(() => (window as unknown as { __diagramSamples: Sample[] }).__diagramSamples),
  };
}

/**
 * Page errors and failed requests from now on. A missing favicon is not a failure (the harness
 * page has none), so the browser's console line for it is left out and requests are listed by URL.
 */
export async function watchProblems(page: Page): Promise<() => string[]> {
  const errors = await watchPageErrors(page);
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      failed.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return () => [...errors.filter((error) => !error.includes('Failed to load resource')), ...failed];
}

/** Relative luminance of a computed colour, 0 (black) to 1 (white). */
export function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((value) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The fill of the first node shape of the first diagram in the latest answer. */
export const nodeFill = (page: Page) =>
  page
    .locator('[data-role="assistant"] .rivulet-diagram')
    .first()
    .evaluate((diagram) => {
      const shape = diagram.querySelector('.node rect, .node polygon, .node path');
      return shape ? getComputedStyle(shape).fill : '';
    });

export interface StreamSample {
  /** Characters of the text rendered so far, and whether it was still streaming. */
  streamed: number;
  streaming: boolean;
  code: string | null;
  diagram: boolean;
}

export interface HarnessStream {
  /** Characters added per frame. */
  chars: number;
  /** Where the stream stops for `pauseMs`, as a model does between two thoughts. */
  pauseAt: number;
  pauseMs: number;
}

/**
 * Streams `text` into the harness frame by frame (as `<Markdown streaming>`, then finished),
 * recording the first mermaid block after every DOM change.
 */
export function streamInHarness(page: Page, text: string, pace: HarnessStream): Promise<StreamSample[]> {
  return page.evaluate(
    async ({ text, pace }) => {
      const { chars, pauseAt, pauseMs } = pace;
      const samples: StreamSample[] = [];
      const root = document.getElementById('root') as HTMLElement;
      let streamed = 0;
      let streaming = true;
      const sample = () => {
        const block = root.querySelector('.rivulet-code-block[data-language="mermaid"]');
        if (!block) return;
        const pre = block.querySelector('pre');
        samples.push({
          streamed,
          streaming,
          code: pre && !pre.hidden ? (pre.textContent ?? '') : null,
          diagram: block.querySelector('.rivulet-diagram:not([hidden]) svg') !== null,
        });
      };
      new MutationObserver(sample).observe(root, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      await new Promise<void>((resolve) => {
        const step = () => {
          const next = Math.min(text.length, streamed + chars);
          const pause = streamed < pauseAt && next >= pauseAt;
          streamed = pause ? pauseAt : next;
          window.__render(text.slice(0, streamed), { streaming: true, key: 'stream' });
          sample();
          if (streamed >= text.length) resolve();
          else if (pause) setTimeout(() => requestAnimationFrame(step), pauseMs);
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      streaming = false;
      window.__render(text, { key: 'stream' });
      sample();
      return samples;
    },
    { text, pace },
  );
}

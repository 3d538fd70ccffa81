import AxeBuilder from '@axe-core/playwright';
import { type Chat, expect, test } from './fixtures';

/** Scans the whole playground (chat and controls) with axe-core and expects no violation (legacy mode: in the page itself, without the blank page axe otherwise opens per scan to merge frames). */
async function expectNoViolations(chat: Chat, state: string) {
  const results = await new AxeBuilder({ page: chat.page }).setLegacyMode(true).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(', ')})`,
  );
  expect(summary, `axe violations in the ${state} state`).toEqual([]);
}

test.describe('accessibility and screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`empty (${theme})`, async ({ openChat }) => {
      const chat = await openChat(`theme=${theme}`);
      await expectNoViolations(chat, 'empty');
      await chat.screenshot(`empty-${theme}`);
    });

    test(`streaming (${theme})`, async ({ openChat }) => {
      // The stream stalls mid-answer (inside the code block), so the streaming state holds still for the scan.
      const chat = await openChat(`theme=${theme}&answer=overview&tps=400&stallAfter=330`);
      await chat.send('Explain streaming');
      await expect(chat.answer.locator('pre')).toBeVisible();
      await expect(chat.answer).toHaveAttribute('aria-busy', 'true');
      await expect(chat.answer.locator('[data-rivulet-cursor]')).toBeVisible();
      await expectNoViolations(chat, 'streaming');
      await chat.screenshot(`streaming-${theme}`);
    });

    test(`done (${theme})`, async ({ openChat }) => {
      const chat = await openChat(`theme=${theme}&answer=overview&tps=0`);
      await chat.send('Explain streaming');
      await expect(chat.answer).toHaveAttribute('data-status', 'done');
      await expect(chat.answer).not.toHaveAttribute('aria-busy');
      await expectNoViolations(chat, 'done');
      await chat.screenshot(`done-${theme}`);
    });

    test(`error (${theme})`, async ({ openChat }) => {
      const chat = await openChat(`theme=${theme}&answer=overview&errorAfter=60&tps=300`);
      await chat.send('Explain streaming');
      await expect(chat.answer.locator('[data-rivulet-error]')).toBeVisible();
      await expectNoViolations(chat, 'error');
      await chat.screenshot(`error-${theme}`);
    });
  }
});

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Relative luminance of a computed `rgb()`/`rgba()` colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((value) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const chatColors = (page: Page) =>
  page.locator('.rivulet-chat').evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, color: style.color };
  });

test('the dark theme applies its own colours', async ({ openChat }) => {
  const light = await openChat('theme=light');
  const lightColors = await chatColors(light.page);
  const dark = await openChat('theme=dark');
  await expect(dark.page.locator('.rivulet-chat')).toHaveAttribute('data-theme', 'dark');
  const darkColors = await chatColors(dark.page);

  expect(darkColors.background).not.toBe(lightColors.background);
  expect(luminance(darkColors.background)).toBeLessThan(luminance(lightColors.background));
  // Text stays readable: light text on the dark background.
  expect(luminance(darkColors.color)).toBeGreaterThan(luminance(darkColors.background));
});

test('switching the theme in the panel updates the chat', async ({ openChat }) => {
  const chat = await openChat();
  const before = await chatColors(chat.page);
  await chat.page.getByRole('radio', { name: 'Dark' }).check();
  await expect(chat.page.locator('.rivulet-chat')).toHaveAttribute('data-theme', 'dark');
  expect((await chatColors(chat.page)).background).not.toBe(before.background);
  await expect(chat.page).toHaveURL(/theme=dark/);
});

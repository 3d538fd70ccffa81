/**
 * What the URL policy must keep: web, relative and mailto links (with `rel="noopener noreferrer"`),
 * web images, HTML in code shown as text, and the schemes a page allows with
 * `allowedLinkPrefixes` / `allowedImagePrefixes`. Also proves the security checks can fail.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoEffects, openHarness } from './harness';
import { inspectCurrent, type RenderCheckInput, renderAndInspect } from './render-checks';
import { xssCorpus } from './xss-corpus';

const webProtocols = ['http:', 'https:', 'mailto:'];

async function renderChecked(page: Page, input: Omit<RenderCheckInput, 'key' | 'prefixes'>, key: string) {
  const result = await page.evaluate(renderAndInspect, { ...input, key, prefixes: true });
  expect(result.violations).toEqual([]);
  return page.locator('#root > .rivulet-markdown');
}

test.describe('URL policy: what stays', () => {
  test('web, relative, fragment and mailto links keep their href, with rel="noopener noreferrer"', async ({
    page,
    baseURL,
  }) => {
    const guards = await openHarness(page, baseURL);
    const markdown =
      'See [the site](https://example.com/path?q=1), [plain http](http://example.org), ' +
      '[a page](/docs/page), [a sibling](guide.md), [a section](#usage) and [mail](mailto:someone@example.com).';
    const root = await renderChecked(page, { markdown, allowedProtocols: webProtocols }, 'links');
    const links = root.locator('a');
    await expect(links).toHaveCount(6);
    const attributes = await links.evaluateAll((elements) =>
      elements.map((link) => [link.getAttribute('href'), link.getAttribute('rel'), link.getAttribute('target')]),
    );
    expect(attributes).toEqual([
      ['https://example.com/path?q=1', 'noopener noreferrer', '_blank'],
      ['http://example.org', 'noopener noreferrer', '_blank'],
      ['/docs/page', 'noopener noreferrer', null],
      ['guide.md', 'noopener noreferrer', null],
      ['#usage', 'noopener noreferrer', null],
      ['mailto:someone@example.com', 'noopener noreferrer', null],
    ]);
    for (let index = 0; index < 6; index += 1) await links.nth(index).click();
    await expectNoEffects(guards);
  });

  test('autolinks and reference links to web URLs work', async ({ page, baseURL }) => {
    const guards = await openHarness(page, baseURL);
    const markdown =
      'Visit <https://example.com> or [the docs][docs] or www.example.org.\n\n[docs]: https://docs.example.com';
    const root = await renderChecked(page, { markdown, allowedProtocols: webProtocols }, 'autolinks');
    expect(await root.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      'https://example.com',
      'https://docs.example.com',
      'http://www.example.org',
    ]);
    await expectNoEffects(guards);
  });

  test('https and relative images keep their src', async ({ page, baseURL }) => {
    const guards = await openHarness(page, baseURL);
    const markdown = '![logo](https://example.com/logo.png "Logo") and ![local](./images/chart.png)';
    const root = await renderChecked(page, { markdown, allowedProtocols: webProtocols }, 'images');
    expect(
      await root
        .locator('img')
        .evaluateAll((images) => images.map((image) => [image.getAttribute('src'), image.getAttribute('alt')])),
    ).toEqual([
      ['https://example.com/logo.png', 'logo'],
      ['./images/chart.png', 'local'],
    ]);
    // The external image was requested (and stopped by the test's network guard), nothing else happened.
    await expectNoEffects(guards, { allowOffsiteRequests: true });
  });

  test('HTML in code spans and code blocks shows as text', async ({ page, baseURL }) => {
    const guards = await openHarness(page, baseURL);
    const markdown = 'Inline `<script>alert(1)</script>` code.\n\n```html\n<img src=x onerror="alert(2)">\n```\n';
    const root = await renderChecked(page, { markdown, allowedProtocols: webProtocols }, 'code');
    await expect(root.locator('p code')).toHaveText('<script>alert(1)</script>');
    await expect(root.locator('pre')).toContainText('<img src=x onerror="alert(2)">');
    await expect(root.locator('script, img')).toHaveCount(0);
    await expect(root.locator('.rivulet-code-block')).toHaveAttribute('data-highlighted', 'true');
    await expect(root.locator('pre')).toContainText('<img src=x onerror="alert(2)">');
    expect(await page.evaluate(inspectCurrent, webProtocols)).toEqual([]);
    await expectNoEffects(guards);
  });

  test('a blocked link keeps its text and a blocked image its alt text', async ({ page, baseURL }) => {
    await openHarness(page, baseURL);
    const markdown = 'Try [this link](javascript:void(0)) or ![the picture](javascript:void(0)).';
    const root = await renderChecked(page, { markdown, allowedProtocols: webProtocols }, 'blocked');
    await expect(root.locator('a, img')).toHaveCount(0);
    await expect(root).toHaveText('Try this link or the picture.');
  });
});

test.describe('URL policy: widening it', () => {
  test('tel: links only when allowedLinkPrefixes has tel:, and javascript: never', async ({ page, baseURL }) => {
    const guards = await openHarness(page, baseURL);
    const markdown = '[call us](tel:+15551234) or [run](javascript:top.__xss=1)';
    const strict = await renderChecked(page, { markdown, allowedProtocols: webProtocols }, 'tel-strict');
    await expect(strict.locator('a')).toHaveCount(0);
    await expect(strict).toHaveText('call us or run');

    const widened = await renderChecked(
      page,
      { markdown, allowedProtocols: [...webProtocols, 'tel:'], allowedLinkPrefixes: ['tel:'] },
      'tel-widened',
    );
    const links = widened.locator('a');
    await expect(links).toHaveCount(1);
    await expect(links).toHaveAttribute('href', 'tel:+15551234');
    await expect(links).toHaveAttribute('rel', 'noopener noreferrer');
    await links.click();
    await expectNoEffects(guards);
  });

  test('data:image/png images only with allowedImagePrefixes, and never as links', async ({ page, baseURL }) => {
    const guards = await openHarness(page, baseURL);
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const markdown = `![dot](${png}) and [as a link](${png})`;
    const strict = await renderChecked(page, { markdown, allowedProtocols: webProtocols }, 'png-strict');
    await expect(strict.locator('img, a')).toHaveCount(0);

    // data: must pass the DOM check here, so the image and the link are asserted one by one.
    const widened = await renderChecked(
      page,
      { markdown, allowedProtocols: [...webProtocols, 'data:'], allowedImagePrefixes: ['data:image/png;'] },
      'png-widened',
    );
    await expect(widened.locator('img')).toHaveAttribute('src', png);
    await expect(widened.locator('a')).toHaveCount(0);
    await expect(widened).toContainText('as a link');
    await expectNoEffects(guards);
  });
});

test.describe('the security checks themselves', () => {
  test('a planted javascript: link, handler and element are all caught', async ({ page, baseURL }) => {
    const guards = await openHarness(page, baseURL);
    await renderChecked(page, { markdown: 'A safe answer.', allowedProtocols: webProtocols }, 'planted');
    // Plant what the Markdown must never produce, bypassing it, and check every detector sees it.
    await page.evaluate(() => {
      const root = document.querySelector('#root > .rivulet-markdown');
      root?.insertAdjacentHTML(
        'beforeend',
        '<a href="jav&#x09;ascript:top.__xss=\'planted\'">x</a><img src="x" onerror="void 0"><svg></svg>',
      );
    });
    const found = await page.evaluate(inspectCurrent, webProtocols);
    expect(found).toEqual(
      expect.arrayContaining([
        '<svg> element',
        'onerror on <img>',
        'href="jav\\tascript:top.__xss=\'planted\'" (javascript:) on <a>',
        "link to javascript:top.__xss='planted'",
      ]),
    );
    await page.locator('#root a').click();
    await expect.poll(() => guards.hits()).toEqual(['planted']);
  });

  test('a policy widened to javascript: and data: fails the corpus checks', async ({ page, baseURL }) => {
    await openHarness(page, baseURL);
    const widened = async (name: string, allowedLinkPrefixes: string[]) => {
      const payload = xssCorpus.find((candidate) => candidate.name === name);
      if (!payload) throw new Error(`The corpus lost its payload "${name}"`);
      const result = await page.evaluate(renderAndInspect, {
        markdown: payload.markdown,
        key: name,
        prefixes: true,
        allowedProtocols: webProtocols,
        allowedLinkPrefixes,
      });
      return result.violations.filter((violation) => violation.startsWith('finished: '));
    };
    // React 19 itself swaps a javascript: href for one that throws, but it stays a javascript: link.
    expect(await widened('javascript: link', ['javascript:'])).toContainEqual(
      expect.stringMatching(/^finished: link to javascript:/),
    );
    expect(await widened('data:text/html inline', ['data:'])).toContainEqual(
      expect.stringMatching(/^finished: link to data:text\/html,/),
    );
  });
});

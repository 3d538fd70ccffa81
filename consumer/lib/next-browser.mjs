/**
 * What a user of the Next.js consumer app does in Chromium: the server-rendered page hydrates (an
 * earlier answer rendered by the server entry's `<Markdown>` among it), a question is answered as a stream (Markdown, one code block highlighted with shiki tokens), and a
 * slow answer is stopped, which the route handler must see as an aborted request. Any console error
 * or warning (a hydration mismatch among them), uncaught error or HTTP error fails the check.
 */
import { assert, failOnProblems, openPage } from './browser.mjs';

/** The code block every answer of the app's route contains, as its `<code>` text. */
const answerCode = "export function greet(name: string): string {\n  return 'Hello, ' + name + '!';\n}\n";

/** What the route recorded of the request that asked `question` (GET /api/aborted). */
async function requestRecord(context, baseUrl, question) {
  const response = await context.request.get(`${baseUrl}/api/aborted`);
  const { requests } = await response.json();
  const matching = requests.filter((record) => record.question === question);
  assert(matching.length === 1, `the route saw ${matching.length} requests for ${JSON.stringify(question)}`);
  return matching[0];
}

/** Polls the route's record of `question` until `done(record)` holds, or fails after `timeoutMs`. */
async function waitForRecord(context, baseUrl, question, done, what, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  let record = await requestRecord(context, baseUrl, question);
  while (!done(record) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    record = await requestRecord(context, baseUrl, question);
  }
  assert(done(record), `${what}: the route recorded ${JSON.stringify(record)}`);
  return record;
}

/** Types `question` in the composer and presses Enter; returns the locator of the answer. */
async function ask(page, question) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(question);
  await composer.press('Enter');
  await page.locator('.rivulet-message--user').last().getByText(question).waitFor();
  return page.locator('.rivulet-message--assistant').last();
}

/** A whole answer streams in: Markdown rendered, the code block highlighted, the request completed. */
async function checkAnswer(page, context, baseUrl) {
  const question = 'Hello from Next.js';
  const answer = await ask(page, question);
  // Seen while it streams, not only at the end.
  await answer.locator('[data-rivulet-cursor]').waitFor();
  await page.locator('.rivulet-chat[data-status="done"]').waitFor();
  await answer.getByText(`You asked: "${question}".`).waitFor();
  assert((await answer.locator('strong').textContent()) === 'Markdown', 'the answer Markdown was not rendered');
  assert((await answer.locator('p code').textContent()) === 'inline code', 'the inline code is missing');
  const link = answer.getByRole('link', { name: 'link' });
  assert((await link.getAttribute('href')) === 'https://example.com/docs', 'the link is missing');
  assert((await answer.locator('li').allTextContents()).join('|') === 'first point|second point', 'list missing');
  assert((await answer.locator('pre').count()) === 1, 'the answer should hold exactly one <pre>');
  assert((await answer.locator('[data-rivulet-cursor]').count()) === 0, 'the cursor stayed after the answer ended');
  await answer.locator('.rivulet-code-block[data-highlighted="true"]').waitFor();
  // shiki's tokens: coloured spans inside the lines of the code block.
  await answer.locator('pre code .line span[style]').nth(3).waitFor();
  const code = await answer.locator('pre code').textContent();
  assert(code === answerCode, `the answer's code block reads ${JSON.stringify(code)}`);
  const record = await requestRecord(context, baseUrl, question);
  assert(record.completed && !record.aborted, `the finished request was recorded as ${JSON.stringify(record)}`);
}

/** Stop during a slow answer: the text so far stays, the message is marked stopped, the route sees the abort. */
async function checkStop(page, context, baseUrl) {
  const question = 'A slow answer, please';
  const answer = await ask(page, question);
  await answer.locator('pre code').getByText('export function greet').waitFor();
  await answer.getByText('Sentence 1 of').waitFor();
  const record = await requestRecord(context, baseUrl, question);
  assert(!record.aborted && !record.completed, `the slow request was recorded as ${JSON.stringify(record)}`);
  await page.getByRole('button', { name: 'Stop generating' }).click();
  await page.locator('.rivulet-chat[data-status="aborted"]').waitFor();
  await waitForRecord(context, baseUrl, question, (seen) => seen.aborted, 'Stop did not abort the route request');
  assert((await answer.getAttribute('data-status')) === 'aborted', 'the stopped answer is not marked aborted');
  await answer.getByText('Stopped', { exact: true }).waitFor();
  const kept = await answer.textContent();
  assert(kept?.includes('Sentence 1 of a long answer.'), 'the stopped answer lost its text');
  const final = await requestRecord(context, baseUrl, question);
  assert(!final.completed, 'the stopped request was completed anyway');
}

/**
 * The earlier answer rendered by `@rivulet/react/server`: highlighted and drawn in the HTML the
 * server sent, and its copy button (the one client component in it) works once the page runs.
 */
async function checkServerMarkdown(page, html) {
  const start = html.indexOf('aria-label="Earlier answer"');
  assert(start !== -1, 'the page holds no server-rendered earlier answer');
  const served = html.slice(start, html.indexOf('</section>', start));
  assert(served.includes('data-highlighted="true"'), 'the server sent the earlier code block unhighlighted');
  assert(/<span style="--shiki-light:[^"]+">export<\/span>/.test(served), 'the server sent no shiki tokens');
  assert(served.includes('class="katex"'), 'the server sent the formula undrawn');
  assert(!served.includes('$E'), 'the server sent the formula as source');
  const section = page.getByRole('region', { name: 'Earlier answer' });
  assert((await section.locator('strong').textContent()) === 'earlier answer', 'the earlier answer lost its Markdown');
  const link = section.getByRole('link', { name: 'a link' });
  assert((await link.getAttribute('href')) === 'https://example.com/history', 'the earlier link is missing');
  const code = await section.locator('pre code').textContent();
  assert(code === 'export const answer: number = 42;\n', `the earlier code block reads ${JSON.stringify(code)}`);
  const copy = section.getByRole('button', { name: 'Copy code' });
  await copy.click();
  await section.locator('.rivulet-code-copy[data-copied="true"]').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert(copied === code, `the copy button copied ${JSON.stringify(copied)}`);
}

/** Runs the journey against the app served at `baseUrl`. */
export async function checkNextApp(browser, { baseUrl }) {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const { page, problems } = await openPage(context);
    const html = await (await context.request.get(`${baseUrl}/`)).text();
    assert(html.includes('role="log"'), 'the server-rendered page holds no chat log');
    await page.goto(`${baseUrl}/`);
    await page.locator('body[data-ready="true"]').waitFor();
    await checkServerMarkdown(page, html);
    await checkAnswer(page, context, baseUrl);
    await checkStop(page, context, baseUrl);
    failOnProblems(problems, 'Next.js app');
  } finally {
    await context.close();
  }
}

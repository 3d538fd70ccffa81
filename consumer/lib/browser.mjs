/**
 * What a user of the consumer app does in Chromium: the page loads (client-rendered, or
 * server-rendered and hydrated), a question typed in the ChatWindow composer is answered as a
 * stream, and a `useStream` answer streams into a `<Markdown>`. Any console error or warning,
 * uncaught error, failed request or HTTP error on the page fails the check.
 */

const timeout = 20_000;

/** The code block the test server's answer contains, as its `<code>` text. */
const answerCode = "export function greet(name: string): string {\n  return 'Hello, ' + name + '!';\n}\n";

/** Opens a page that records every problem it reports. */
export async function openPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const problems = [];
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warning') {
      const where = message.location()?.url ?? '';
      problems.push(`console.${type}: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A reader that saw the stream's terminal event (`data: [DONE]`) cancels the rest of the body.
    if (reason === 'net::ERR_ABORTED' && new URL(request.url()).pathname === '/api/chat') return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The initial conversation is on the page: both messages, the code block and the table. */
async function checkInitialConversation(page) {
  const log = page.getByRole('log', { name: 'Conversation' });
  await log.getByText('What can you render?').waitFor();
  const pre = log.locator('pre').first();
  assert(
    (await pre.textContent()) === "console.log('hello');\n",
    `initial code block reads ${await pre.textContent()}`,
  );
  assert((await log.locator('table td').allTextContents()).join('|') === 'tables|yes', 'the initial table is missing');
  const link = log.getByRole('link', { name: 'links' });
  assert((await link.getAttribute('href')) === 'https://example.com/docs', 'the initial link is missing');
}

/** Types `question` in the composer, presses Enter and waits for the whole streamed answer. */
async function askInChat(page, question) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(question);
  await composer.press('Enter');
  const chat = page.locator('.rivulet-chat');
  const answer = page.locator('.rivulet-message--assistant').last();
  await answer.getByText(`You asked: "${question}".`).waitFor();
  await answer.locator('pre code').getByText('export function greet').waitFor();
  await page.locator('.rivulet-chat[data-status="done"]').waitFor();
  assert((await composer.inputValue()) === '', 'the composer was not cleared after sending');
  assert((await chat.locator('.rivulet-message--user').last().textContent())?.includes(question), 'question missing');
  const code = await answer.locator('pre code').textContent();
  assert(code === answerCode, `the answer's code block reads ${JSON.stringify(code)}`);
  assert((await answer.locator('pre').count()) === 1, 'the answer should hold exactly one <pre>');
  assert((await answer.locator('strong').textContent()) === 'function', 'the answer Markdown was not rendered');
  assert((await answer.locator('[data-rivulet-cursor]').count()) === 0, 'the cursor stayed after the answer ended');
  // Highlighting loads lazily (separate chunks) and swaps in without changing the text.
  await answer.locator('.rivulet-code-block[data-highlighted="true"]').waitFor();
  assert((await answer.locator('pre code').textContent()) === answerCode, 'highlighting changed the code text');
  // Tokens arrive from the worker pass by pass: wait for several, however the passes fall.
  await answer.locator('pre code .line span[style]').nth(3).waitFor();
  // Tokenizing runs in the worker Rivulet starts from its packaged chunk, not on the main thread.
  const workers = page.workers().map((worker) => worker.url());
  assert(
    workers.some((url) => url.startsWith('blob:')),
    `no highlighting worker was started (workers: ${JSON.stringify(workers)})`,
  );
}

/** Streams one answer with `useStream` into `<Markdown>`. */
async function summarize(page) {
  const section = page.getByRole('region', { name: 'Summary' });
  await section.getByRole('button', { name: 'Summarize' }).click();
  await page.locator('section[aria-label="Summary"][data-status="done"]').waitFor();
  await section.getByText('You asked: "Summarize".').waitFor();
  const code = await section.locator('pre code').textContent();
  assert(code === answerCode, `the summary's code block reads ${JSON.stringify(code)}`);
}

export function failOnProblems(problems, where) {
  if (problems.length > 0) throw new Error(`${where}:\n  ${problems.join('\n  ')}`);
}

/**
 * Runs the user's journey against `baseUrl`: `/` is the client-rendered app (production build),
 * `ssrPath` the server-rendered page that hydrates (development build, so React reports every
 * hydration mismatch).
 */
export async function checkApp(browser, { baseUrl, ssrPath, label }) {
  const context = await browser.newContext();
  try {
    const client = await openPage(context);
    await client.page.goto(`${baseUrl}/`);
    await client.page.locator('body[data-ready="true"]').waitFor();
    await checkInitialConversation(client.page);
    await askInChat(client.page, `Hello from ${label}`);
    await summarize(client.page);
    failOnProblems(client.problems, `${label}, client-rendered page`);

    const served = await (await context.request.get(`${baseUrl}${ssrPath}`)).text();
    assert(served.includes('role="log"'), 'the server-rendered page holds no chat log');
    assert(served.includes('What can you render?'), 'the server-rendered page holds no messages');
    assert(!served.includes('<!--app-html-->'), 'the server-rendered HTML was not injected');

    const hydrated = await openPage(context);
    await hydrated.page.goto(`${baseUrl}${ssrPath}`);
    await hydrated.page.locator('body[data-ready="true"]').waitFor();
    await checkInitialConversation(hydrated.page);
    // The initial code block highlights after hydration, as an update rather than a mismatch.
    await hydrated.page.locator('.rivulet-code-block[data-highlighted="true"]').first().waitFor();
    await askInChat(hydrated.page, `Hydrated ${label}`);
    failOnProblems(hydrated.problems, `${label}, hydrated page`);
  } finally {
    await context.close();
  }
}

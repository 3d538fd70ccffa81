import { expect, sampleAnswerFrames, test } from './fixtures';

test.describe('streaming', () => {
  test('text appears progressively, with the cursor only while streaming', async ({ openChat }) => {
    const chat = await openChat('answer=overview&tps=250');
    const frames = await sampleAnswerFrames(chat.page);
    await chat.send('Explain streaming');
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 20_000 });

    const samples = await frames.read();
    const streamed = samples.filter((sample) => sample.status === 'streaming' && sample.text !== '');
    const lengths = [...new Set(streamed.map((sample) => sample.text.length))];
    // Many distinct partial states were painted, growing as they go. (The visible length may dip
    // once in a while, e.g. when pipes become a table as its delimiter row arrives.)
    const growing = lengths.filter((length, index) => index > 0 && length > lengths[index - 1]!);
    expect(growing.length).toBeGreaterThanOrEqual(10);
    expect(growing.length).toBeGreaterThan(lengths.length * 0.8);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the user sees
    const final = await chat.answer.locator('.rivulet-markdown').innerText();
    expect(lengths[0]).toBeLessThan(final.length / 4);

    // The cursor is shown while streaming and gone once the answer is done.
    expect(streamed.filter((sample) => sample.cursor).length).toBeGreaterThan(streamed.length * 0.9);
    await expect(chat.answer.locator('[data-rivulet-cursor]')).toHaveCount(0);
    await expect(chat.answer.getByRole('heading', { name: 'Streaming responses in a React app' })).toBeVisible();
    await expect(chat.answer.locator('table')).toBeVisible();
  });

  test('shows a thinking state before the first token', async ({ openChat }) => {
    const chat = await openChat('scenario=thinking&answer=short');
    await chat.send('Quick question');
    await expect(chat.answer.locator('[data-rivulet-thinking]')).toBeVisible();
    await expect(chat.answer).toContainText('last element', { timeout: 10_000 });
    await expect(chat.answer.locator('[data-rivulet-thinking]')).toHaveCount(0);
  });

  for (const format of ['anthropic', 'ai-sdk', 'text'] as const) {
    test(`reads the ${format} wire format with format 'auto'`, async ({ openChat }) => {
      const chat = await openChat(`answer=short&format=${format}&tps=200`);
      await chat.send('Quick question');
      await expect(chat.answer).toHaveAttribute('data-status', 'done');
      await expect(chat.answer.locator('.rivulet-markdown')).toHaveText(
        'Use array.at(-1) — it returns the last element, or undefined when the array is empty.',
      );
    });
  }
});

test.describe('partial Markdown', () => {
  test('no raw markers or unclosed fences are ever visible mid-stream', async ({ openChat }) => {
    const chat = await openChat('scenario=tricky&tps=30');
    const frames = await sampleAnswerFrames(chat.page);
    await chat.send('Something tricky');
    await expect(chat.answer).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    const samples = (await frames.read()).filter((sample) => sample.text !== '');
    // Many partial states were observed, from the first words on.
    expect(new Set(samples.map((sample) => sample.text)).size).toBeGreaterThan(12);
    expect(samples[0]!.text.length).toBeLessThan(40);
    for (const { text } of samples) {
      expect(text, `mid-stream text: ${JSON.stringify(text)}`).not.toContain('**');
      expect(text).not.toContain('~~');
      expect(text).not.toContain('```');
      expect(text).not.toMatch(/\]\(|\[streaming guide/);
      expect(text).not.toMatch(/^\|[-:| ]+\|$/m);
      // Footnote calls show as superscripts before their definitions arrive, never as `[^1]` or `^1`.
      expect(text).not.toMatch(/\[\^|\^\d/);
    }
    // The footnote definitions at the end stream in as the footnotes section's items, as they are
    // typed, not all at once when the answer is done.
    const streaming = samples.filter((sample) => sample.status === 'streaming').map((sample) => sample.text);
    expect(streaming.some((text) => /Each value has one\b/.test(text) && !text.includes('scope'))).toBe(true);
    expect(streaming.some((text) => text.includes('Rustonomicon'))).toBe(true);
    // Literal characters that are not markup survive as written.
    const final = samples.at(-1)!.text;
    expect(final).toContain('snake_case_name');
    expect(final).toContain('2 * 3 = 6');
    await expect(chat.answer.locator('em', { hasText: 'case' })).toHaveCount(0);
    await expect(chat.answer.getByRole('link', { name: 'streaming guide' })).toHaveAttribute(
      'href',
      'http://example.com/guide/streaming',
    );
    await expect(chat.answer.locator('pre')).toHaveCount(1);
    await expect(chat.answer.locator('table')).toHaveCount(1);
    // Finished: numbered calls linking to the footnotes section.
    await expect(chat.answer.locator('sup a[data-footnote-ref]')).toHaveText(['1', '2']);
    await expect(chat.answer.locator('section[data-footnotes] li')).toHaveCount(2);
  });
});

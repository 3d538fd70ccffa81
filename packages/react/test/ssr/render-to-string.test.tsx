// @vitest-environment node
/**
 * Server rendering: `<ChatWindow>`, `<Markdown>` and `useStream` render with `renderToString` in
 * plain Node (no `window`, no `document`), produce the content a user would see before hydration,
 * and log nothing.
 */
import { type ChatMessageInit, ChatWindow, Markdown, useStream } from '@rivulet/react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const answer = [
  'Use `Array.prototype.map` like this:',
  '',
  '```ts',
  'const doubled = [1, 2, 3].map((n) => n * 2);',
  '```',
  '',
  '| input | output |',
  '| --- | --- |',
  '| 1 | 2 |',
  '',
  'See [the MDN page](https://developer.mozilla.org/) for more.',
].join('\n');

const initialMessages: ChatMessageInit[] = [
  { role: 'user', content: 'How do I double <every> number?' },
  { role: 'assistant', content: answer },
];

/** A minimal streamed answer, as an app would write one with `useStream`. */
function Answer() {
  const stream = useStream();
  return (
    <p data-status={stream.status}>
      {stream.text === '' ? 'nothing yet' : stream.text}
      {stream.error ? stream.error.message : null}
    </p>
  );
}

let consoleCalls: unknown[][];

beforeEach(() => {
  consoleCalls = [];
  for (const method of ['error', 'warn'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleCalls.push([method, ...args]);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Text content of an HTML string, entities for `<`, `>` and `&` decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('server rendering without a DOM', () => {
  it('runs in an environment without window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders <ChatWindow> with its initial conversation', () => {
    const html = renderToString(<ChatWindow api="/api/chat" initialMessages={initialMessages} />);

    // The log, with both messages in order.
    expect(html).toMatch(/<div[^>]*role="log"[^>]*aria-live="polite"[^>]*aria-label="Conversation"/);
    const text = textOf(html);
    const question = text.indexOf('How do I double <every> number?');
    const reply = text.indexOf('Use Array.prototype.map like this:');
    expect(question).toBeGreaterThanOrEqual(0);
    expect(reply).toBeGreaterThan(question);
    // The user's text is escaped, not parsed as a tag.
    expect(html).toContain('&lt;every&gt;');
    expect(html).not.toContain('<every>');
    expect(html).toContain('data-role="user"');
    expect(html).toContain('data-role="assistant"');

    // The assistant's Markdown: inline code, a fenced code block in one <pre>, a table, a safe link.
    expect(html).toContain('<code dir="ltr">Array.prototype.map</code>');
    expect(html.match(/<pre[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(
      /<pre[^>]*><code class="language-ts"><span class="rivulet-code-lines">const doubled = \[1, 2, 3\]\.map\(\(n\) =&gt; n \* 2\);\n<\/span><\/code><\/pre>/,
    );
    expect(html).toMatch(/<table dir="auto">[\s\S]*<th>input<\/th>[\s\S]*<td>2<\/td>[\s\S]*<\/table>/);
    expect(html).toMatch(
      /<a href="https:\/\/developer\.mozilla\.org\/"[^>]*rel="noopener noreferrer"[^>]*>the MDN page<\/a>/,
    );

    // The composer: an empty, labelled textarea and a disabled send button; nothing streams.
    expect(html).toMatch(/<textarea[^>]*aria-label="Message"[^>]*placeholder="Send a message…"[^>]*><\/textarea>/);
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Send<\/button>/);
    expect(html).toContain('data-status="idle"');
    expect(text).not.toContain('Thinking…');
    expect(html).not.toContain('data-rivulet-cursor');
    expect(text).not.toContain('Stop generating');
    expect(consoleCalls).toEqual([]);
  });

  it('renders <ChatWindow> with labels, theme and className', () => {
    const html = renderToString(
      <ChatWindow
        api="/api/chat"
        theme="dark"
        className="my-chat"
        labels={{ placeholder: 'Ask anything', log: 'Chat history' }}
        initialMessages={initialMessages}
      />,
    );
    expect(html).toMatch(/^<div class="rivulet-root rivulet-chat my-chat" data-theme="dark"/);
    expect(html).toContain('aria-label="Chat history"');
    expect(html).toContain('placeholder="Ask anything"');
    expect(consoleCalls).toEqual([]);
  });

  it('renders a finished <Markdown> code block as one highlighted-later <pre> with its toolbar', () => {
    const html = renderToString(<Markdown>{answer}</Markdown>);
    expect(html).toContain('data-streaming="false"');
    expect(html.match(/<pre[\s>]/g)).toHaveLength(1);
    // Plain text on the server; highlighting loads in the browser and swaps in there.
    expect(html).toMatch(/<div class="rivulet-code-block" data-language="ts" data-highlighted="false">/);
    expect(html).toMatch(/<span class="rivulet-code-language">ts<\/span>/);
    expect(textOf(html)).toContain('const doubled = [1, 2, 3].map((n) => n * 2);');
    expect(html).toContain('<table dir="auto">');
    expect(html).not.toContain('data-rivulet-cursor');
    expect(consoleCalls).toEqual([]);
  });

  it('renders a streaming <Markdown> with an open code block and the cursor inside it', () => {
    const partial = 'Here it is:\n\n```python\ndef add(a, b):\n    return a +';
    const html = renderToString(
      <Markdown streaming cursor>
        {partial}
      </Markdown>,
    );
    expect(html).toContain('data-streaming="true"');
    expect(html).toContain('<p dir="auto">Here it is:</p>');
    expect(html.match(/<pre[\s>]/g)).toHaveLength(1);
    // The unclosed fence renders as a code block holding exactly the code so far, then the caret.
    expect(html).toMatch(
      /<code class="language-python"><span class="rivulet-code-lines">def add\(a, b\):\n {4}return a \+<span aria-hidden="true" data-rivulet-cursor=""/,
    );
    expect(html.match(/data-rivulet-cursor/g)).toHaveLength(1);
    expect(consoleCalls).toEqual([]);
  });

  it('renders the same document whether streamed or finished, once the text is complete', () => {
    const streamed = renderToString(<Markdown streaming>{answer}</Markdown>);
    const finished = renderToString(<Markdown streaming={false}>{answer}</Markdown>);
    // Blocks render one by one while streaming, so only the whitespace between blocks may differ.
    const collapse = (html: string) => textOf(html.replace(/>\s+</g, '><'));
    expect(collapse(streamed)).toBe(collapse(finished));
    expect(collapse(streamed)).toContain('inputoutput12');
    expect(streamed.match(/<pre[\s>]/g)).toHaveLength(1);
    expect(consoleCalls).toEqual([]);
  });

  it('renders a component using useStream in its idle state', () => {
    expect(renderToString(<Answer />)).toBe('<p data-status="idle">nothing yet</p>');
    expect(consoleCalls).toEqual([]);
  });
});

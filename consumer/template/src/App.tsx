import { type ChatMessageInit, ChatWindow, Markdown, useStream } from '@rivulet/react';
import '@rivulet/react/styles.css';
import { useEffect } from 'react';

/** The conversation the page opens with: rendered on the server too, so it must be deterministic. */
const initialMessages: ChatMessageInit[] = [
  { role: 'user', content: 'What can you render?' },
  {
    role: 'assistant',
    content: [
      'Markdown with **emphasis**, `inline code` and [links](https://example.com/docs).',
      '',
      '```js',
      "console.log('hello');",
      '```',
      '',
      '| feature | ready |',
      '| --- | --- |',
      '| tables | yes |',
    ].join('\n'),
  },
];

/** A single answer streamed with `useStream`, outside any chat. */
function Summary() {
  const stream = useStream({ format: 'openai', maxFps: 30 });
  const summarize = () =>
    stream.start((signal) =>
      fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'Summarize' }] }),
        signal,
      }),
    );
  return (
    <section aria-label="Summary" data-status={stream.status}>
      <button type="button" onClick={summarize}>
        Summarize
      </button>
      <Markdown streaming={stream.status === 'streaming'} cursor>
        {stream.text}
      </Markdown>
      {stream.error ? <p role="alert">{stream.error.message}</p> : null}
    </section>
  );
}

export interface AppProps {
  /** Called once the app has mounted or hydrated. */
  onReady?: () => void;
}

export function App({ onReady }: AppProps) {
  useEffect(() => {
    onReady?.();
  }, [onReady]);
  return (
    <main>
      <h1>Rivulet consumer</h1>
      <ChatWindow api="/api/chat" initialMessages={initialMessages} style={{ height: 520 }} />
      <Summary />
    </main>
  );
}

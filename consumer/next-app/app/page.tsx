import { ChatWindow } from '@rivulet/react';
import { Markdown } from '@rivulet/react/server';

/** A finished answer from earlier, rendered on the server: highlighted and drawn before it is sent. */
const earlierAnswer = [
  'An **earlier answer**, rendered on the server, with [a link](https://example.com/history) and math: $E = mc^2$.',
  '',
  '```ts',
  'export const answer: number = 42;',
  '```',
].join('\n');

/**
 * A server component: `ChatWindow` comes from a module marked "use client", so Next.js renders it on
 * the server and hydrates it in the browser, with no wrapper file of our own. The server entry's
 * `Markdown` is an async server component: no client JavaScript of its own.
 */
export default function Page() {
  return (
    <main>
      <h1>Rivulet on Next.js</h1>
      <section aria-label="Earlier answer">
        <Markdown>{earlierAnswer}</Markdown>
      </section>
      <ChatWindow api="/api/chat" />
    </main>
  );
}

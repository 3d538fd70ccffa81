import { ChatWindow } from '@rivulet/react';

/**
 * A server component: `ChatWindow` comes from a module marked "use client", so Next.js renders it on
 * the server and hydrates it in the browser, with no wrapper file of our own.
 */
export default function Page() {
  return (
    <main>
      <h1>Rivulet on Next.js</h1>
      <ChatWindow api="/api/chat" />
    </main>
  );
}

/**
 * The browser side of `websocket-server.ts`: a `send` transport for `useChat` / `<ChatWindow>` that
 * sends each prompt over one WebSocket and hands the socket to Rivulet, which reads the reply
 * (`format: 'openai'`). The socket is reused while it stays open; Stop closes it (which cancels the
 * answer on the server) and the next prompt opens a new one.
 *
 * @example
 * const send = createWebSocketSend('wss://example.com/api/chat');
 * <ChatWindow send={send} format="openai" />
 */
import type { ChatSend } from '@rivulet/react';

const OPEN = 1;
const CLOSING = 2;

/**
 * @param url The `ws:` / `wss:` address of the chat socket.
 * @param WebSocketImpl The WebSocket class: the browser's by default (Node 20 tests pass `ws`'s).
 */
export function createWebSocketSend(url: string, WebSocketImpl: typeof WebSocket = globalThis.WebSocket): ChatSend {
  let socket: WebSocket | undefined;
  return (messages) => {
    if (!socket || socket.readyState >= CLOSING) socket = new WebSocketImpl(url);
    const current = socket;
    const prompt = JSON.stringify({ messages: messages.map(({ role, content }) => ({ role, content })) });
    // Rivulet starts listening right away; the reply cannot arrive before the prompt is sent.
    if (current.readyState === OPEN) current.send(prompt);
    else current.addEventListener('open', () => current.send(prompt), { once: true });
    return current;
  };
}

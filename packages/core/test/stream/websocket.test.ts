/**
 * WebSocket sources, against a real `ws` server on 127.0.0.1: each message is one chunk; a close
 * before a provider's terminal event or a dropped connection throws `'interrupted'`; abort, idle
 * timeout and early exit close the socket; a completed answer leaves the socket open.
 */

import { readStream, type StreamEvent } from '@rivulet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket as WsClient, type WebSocket as WsServerSocket } from 'ws';
import { bytesOf, read } from './helpers';

type Script = (socket: WsServerSocket) => void;

let server: WebSocketServer;
let url = '';
const scripts = new Map<string, Script>();
/** Resolves when the server sees the client of the given path close. */
const serverClosed = new Map<string, Promise<number>>();

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (typeof address === 'string' || address === null) throw new Error('no port');
  url = `ws://127.0.0.1:${address.port}`;
  server.on('connection', (socket, request) => {
    const path = request.url ?? '/';
    serverClosed.set(path, new Promise((resolve) => socket.once('close', (code) => resolve(code))));
    scripts.get(path)?.(socket);
  });
});

afterAll(async () => {
  for (const client of server.clients) client.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let nextId = 0;
/** Opens a client on a fresh path served by `script`; typed as the DOM WebSocket it imitates. */
function connect(
  script: Script,
  binaryType?: 'arraybuffer' | 'blob' | 'nodebuffer',
): { socket: WebSocket; path: string } {
  const path = `/test-${nextId++}`;
  scripts.set(path, script);
  const client = new WsClient(`${url}${path}`);
  // ws supports 'blob' where Blob exists; its type definitions predate that.
  if (binaryType) (client as { binaryType: string }).binaryType = binaryType;
  return { socket: client as unknown as WebSocket, path };
}

const openaiMessage = (content: string) =>
  `data: {"choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}}}]}\n\n`;

describe('readStream over a WebSocket', () => {
  it('reads an OpenAI stream sent one SSE event per message and leaves the socket open', async () => {
    const { socket } = connect((peer) => {
      for (const word of ['Hello', ', ', 'world']) peer.send(openaiMessage(word));
      peer.send('data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n');
      peer.send('data: [DONE]\n\n');
    });
    const result = await read(socket, { format: 'openai' });
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Hello, world');
    expect(result.done).toEqual(['stop']);
    expect(socket.readyState).toBe(WsClient.OPEN);
    socket.close();
  });

  it('detects bare JSON messages (one event per message, no newline) with auto', async () => {
    const { socket } = connect((peer) => {
      peer.send('{"type":"message_start","message":{"usage":{"input_tokens":5,"output_tokens":1}}}');
      peer.send('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Bonjour"}}');
      peer.send('{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}');
      peer.send('{"type":"message_stop"}');
    });
    const result = await read(socket);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Bonjour');
    expect(result.usage).toEqual({ inputTokens: 5, outputTokens: 2, totalTokens: 7 });
    expect(result.done).toEqual(['end_turn']);
    socket.close();
  });

  it.each(['arraybuffer', 'nodebuffer', 'blob'] as const)(
    'joins a character split across binary messages (%s) and ends on a clean close',
    async (binaryType) => {
      const bytes = bytesOf('Grüße 🌍!');
      const { socket } = connect((peer) => {
        peer.send(bytes.slice(0, 3));
        peer.send(bytes.slice(3, 10));
        peer.send(bytes.slice(10), () => peer.close(1000));
      }, binaryType);
      const result = await read(socket, { format: 'text' });
      expect(result.error).toBeUndefined();
      expect(result.text).toBe('Grüße 🌍!');
      expect(result.text).not.toContain('\uFFFD');
      expect(result.done).toEqual([undefined]);
    },
  );

  it('throws interrupted when the server closes cleanly before the terminal event', async () => {
    const { socket } = connect((peer) => {
      peer.send(openaiMessage('Partial'));
      peer.send(openaiMessage(' answer'), () => peer.close(1000));
    });
    const result = await read(socket, { format: 'openai' });
    expect(result.error).toMatchObject({ code: 'interrupted' });
    expect(result.text).toBe('Partial answer');
  });

  it('throws interrupted when the connection drops, after the text received', async () => {
    const { socket } = connect((peer) => {
      peer.send('chunk one, ');
      peer.send('chunk two', () => setTimeout(() => peer.terminate(), 20));
    });
    const result = await read(socket, { format: 'text' });
    expect(result.error).toMatchObject({ code: 'interrupted' });
    expect((result.error as Error).message).toContain('1006');
    expect(result.text).toBe('chunk one, chunk two');
  });

  it('closes the socket when aborted', async () => {
    const { socket, path } = connect((peer) => peer.send(openaiMessage('Hi')));
    const controller = new AbortController();
    const events: StreamEvent[] = [];
    await expect(async () => {
      for await (const event of readStream(socket, { format: 'openai', signal: controller.signal })) {
        events.push(event);
        controller.abort();
      }
    }).rejects.toMatchObject({ code: 'aborted' });
    expect(events).toEqual([{ type: 'text', delta: 'Hi' }]);
    expect(await serverClosed.get(path)).toBe(1000);
  });

  it('closes the socket when the consumer breaks out early', async () => {
    const { socket, path } = connect((peer) => {
      peer.send('one');
      peer.send('two');
    });
    for await (const _event of readStream(socket, { format: 'text' })) break;
    expect(await serverClosed.get(path)).toBe(1000);
  });

  it('throws timeout and closes the socket when the server stalls', async () => {
    const { socket, path } = connect((peer) => peer.send(openaiMessage('Wait')));
    const result = await read(socket, { format: 'openai', idleTimeoutMs: 80 });
    expect(result.error).toMatchObject({ code: 'timeout' });
    expect(result.text).toBe('Wait');
    expect(await serverClosed.get(path)).toBe(1000);
  });

  it('throws interrupted for a socket that is already closed', async () => {
    const { socket } = connect(() => {});
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    socket.close();
    await new Promise((resolve) => socket.addEventListener('close', resolve));
    const result = await read(socket, { format: 'text' });
    expect(result.error).toMatchObject({ code: 'interrupted' });
  });
});

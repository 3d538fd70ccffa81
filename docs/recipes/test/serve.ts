/**
 * Test plumbing: serve a recipe on 127.0.0.1 (a Node `(req, res)` handler as it is, or a fetch-style
 * `(Request) => Response` handler the way Next.js runs one), call it as `useChat({ api })` does, and
 * read the answer with `readStream(response, { format: 'auto' })`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readStream, type StreamEvent, type StreamSource, type StreamUsage } from '@rivulet/core';

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveNode(handler: (req: IncomingMessage, res: ServerResponse) => unknown): Promise<Served> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Runs a fetch-style handler as a framework does: `req.signal` aborts when the client disconnects.
 * Only the signal is aborted (the response body is not cancelled), so an upstream request closes
 * on a client abort only when the handler passed `req.signal` on.
 */
export function serveFetch(handler: (req: Request) => Promise<Response>): Promise<Served> {
  return serveNode(async (req, res) => {
    const disconnected = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) disconnected.abort();
    });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      signal: disconnected.signal,
    });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return res.end();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
      res.end();
    } catch {
      res.destroy();
    }
  });
}

/** POSTs `{ messages }` as JSON, exactly as `useChat({ api })` and `<ChatWindow api>` do. */
export function postChat(
  url: string,
  messages: { role: string; content: string; parts?: unknown[] }[],
  signal?: AbortSignal,
) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ messages }),
    ...(signal ? { signal } : {}),
  });
}

export interface Answer {
  text: string;
  usage: StreamUsage | undefined;
  finishReasons: (string | undefined)[];
  error: unknown;
}

/** What a chat UI would show: the text, usage, finish and the error that ended the read, if any. */
export async function readAnswer(
  source: StreamSource,
  options: { format?: 'auto' | 'openai'; signal?: AbortSignal; onEvent?: (event: StreamEvent) => void } = {},
): Promise<Answer> {
  const answer: Answer = { text: '', usage: undefined, finishReasons: [], error: undefined };
  try {
    const read = readStream(source, {
      format: options.format ?? 'auto',
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for await (const event of read) {
      options.onEvent?.(event);
      if (event.type === 'text') answer.text += event.delta;
      if (event.type === 'usage') answer.usage = event.usage;
      if (event.type === 'done') answer.finishReasons.push(event.finishReason);
    }
  } catch (error) {
    answer.error = error;
  }
  return answer;
}

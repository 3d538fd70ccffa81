/**
 * A WebSocket chat server (the `ws` package) for Rivulet. The client sends one JSON message
 * `{ messages: [{ role, content }] }` per prompt; the server streams OpenAI Chat Completions and
 * relays each chunk as one WebSocket message (the chunk's JSON, then `[DONE]`), which Rivulet reads
 * with `readStream(socket, { format: 'openai' })`. Closing the socket cancels the upstream request.
 * One socket may carry many prompts, one at a time.
 */
import type { Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

export interface ChatSocketOptions {
  /** An HTTP server to share (upgrade requests on `path`), else `port` is listened on. */
  server?: Server;
  path?: string;
  port?: number;
  /** Defaults to `process.env.OPENAI_API_KEY`. */
  apiKey?: string;
  /** Defaults to `process.env.OPENAI_BASE_URL`, else `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Defaults to `process.env.OPENAI_MODEL`, else `gpt-4o-mini`. */
  model?: string;
  /** The system prompt, sent first. It is the server's: `system` messages from a client are dropped. */
  system?: string;
}

/** Starts a WebSocket server that answers each prompt with OpenAI chunks. */
export function createChatSocketServer(options: ChatSocketOptions): WebSocketServer {
  const wss = options.server
    ? new WebSocketServer({ server: options.server, path: options.path ?? '/api/chat' })
    : new WebSocketServer({ port: options.port ?? 0, ...(options.path ? { path: options.path } : {}) });
  wss.on('connection', (socket) => {
    let running: AbortController | undefined;
    socket.on('close', () => running?.abort());
    socket.on('message', async (data) => {
      // A new prompt while one streams replaces it.
      running?.abort();
      const turn = new AbortController();
      running = turn;
      await answer(socket, String(data), turn.signal, options);
      if (running === turn) running = undefined;
    });
  });
  return wss;
}

async function answer(socket: WebSocket, prompt: string, signal: AbortSignal, options: ChatSocketOptions) {
  const send = (chunk: string) => {
    if (!signal.aborted && socket.readyState === socket.OPEN) socket.send(chunk);
  };
  // An OpenAI-shaped error chunk: Rivulet throws StreamError 'provider' with this message.
  const fail = (message: string) => send(JSON.stringify({ error: { message } }));

  let messages: unknown;
  try {
    messages = (JSON.parse(prompt) as { messages?: unknown }).messages;
  } catch {}
  if (!Array.isArray(messages)) return fail('Expected JSON { messages: [{ role, content }] }');

  try {
    const baseURL = options.baseURL ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1';
    const upstream = await fetch(`${baseURL.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${options.apiKey ?? process.env.OPENAI_API_KEY ?? ''}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        model: options.model ?? process.env.OPENAI_MODEL ?? 'gpt-4o-mini',
        // Only role and content, and never a client's system prompt (a prompt-injection door).
        messages: [
          ...(options.system ? [{ role: 'system', content: options.system }] : []),
          ...messages
            .filter((m: { role?: unknown }) => m.role !== 'system')
            .map((m: { role?: unknown; content?: unknown }) => ({
              role: m.role === 'assistant' ? 'assistant' : 'user',
              content: String(m.content ?? ''),
            })),
        ],
        stream: true,
        stream_options: { include_usage: true },
      }),
      signal,
    });
    if (!upstream.ok || !upstream.body) {
      const error = (await upstream.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
      return fail(error?.error?.message ?? `The model provider answered ${upstream.status}`);
    }
    await forEachSseData(upstream.body, send);
  } catch {
    // Aborted by the client (nothing to tell) or the upstream connection broke mid-answer.
    if (!signal.aborted) fail('The model provider connection was lost');
  }
}

/** Calls `onData` with each `data:` payload of a Server-Sent Events body (OpenAI sends one line per event). */
async function forEachSseData(body: ReadableStream<Uint8Array>, onData: (data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let data: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split('\n');
    // The last piece may be an incomplete line: keep it for the next read.
    buffered = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line === '') {
        if (data.length > 0) onData(data.join('\n'));
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line[5] === ' ' ? 6 : 5));
      }
    }
  }
}

/**
 * A framework-free Node `(req, res)` handler that proxies OpenAI Chat Completions streaming for
 * Rivulet's `<ChatWindow api="/api/chat">`. The upstream Server-Sent Events body is piped through
 * byte for byte, so Rivulet's `'auto'` format recognises it as `'openai'` (text, tool calls, usage).
 * Works as-is with `node:http` and as an Express route.
 */
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface OpenAIProxyOptions {
  /** Defaults to `process.env.OPENAI_API_KEY`. Never sent to the browser. */
  apiKey?: string;
  /** Defaults to `process.env.OPENAI_BASE_URL`, else `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Defaults to `process.env.OPENAI_MODEL`, else `gpt-4o-mini`. */
  model?: string;
  /**
   * The system prompt, sent first. It is the server's: `system` messages sent by a browser are
   * dropped, since anyone can send any message to this route (see docs/security.md).
   */
  system?: string;
  /**
   * Where attached images may live besides inline `data:` URLs: prefixes of your own storage, e.g.
   * `['https://uploads.example.com/']` for the URLs an `upload` callback returns. Other URLs are
   * dropped, so a browser cannot have the provider fetch any address it likes.
   */
  imageUrlPrefixes?: string[];
}

/** The content parts of a user message with images, in the Chat Completions shape. */
type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string | ContentPart[];
}

/**
 * Creates the handler for `POST { messages: [{ role, content, parts? }] }`: images attached in the
 * composer (file parts) go to OpenAI as `image_url` content parts.
 *
 * @example
 * http.createServer(createOpenAIChatHandler()).listen(3000);
 * app.post('/api/chat', createOpenAIChatHandler()); // Express, with or without express.json()
 */
export function createOpenAIChatHandler(options: OpenAIProxyOptions = {}) {
  return async function handleChat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'Use POST');
    // `req` emits 'close' as soon as its body has been read, so the client leaving is seen on `res`:
    // closed before we ended it means the client went away, and the upstream request is cancelled.
    const upstreamAbort = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) upstreamAbort.abort();
    });

    const messages = await readMessages(req, options.imageUrlPrefixes ?? []);
    if (!messages) return sendError(res, 400, 'Expected JSON { messages: [{ role, content }] }');

    const baseURL = options.baseURL ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1';
    let upstream: Response;
    try {
      upstream = await fetch(`${baseURL.replace(/\/$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${options.apiKey ?? process.env.OPENAI_API_KEY ?? ''}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          model: options.model ?? process.env.OPENAI_MODEL ?? 'gpt-4o-mini',
          messages: options.system ? [{ role: 'system', content: options.system }, ...messages] : messages,
          stream: true,
          stream_options: { include_usage: true },
        }),
        signal: upstreamAbort.signal,
      });
    } catch {
      if (!upstreamAbort.signal.aborted) sendError(res, 502, 'The model provider could not be reached');
      return;
    }

    if (!upstream.ok || !upstream.body) {
      // OpenAI's error body ({ error: { message } }) and status pass through: Rivulet reports them.
      res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(await upstream.text().catch(() => ''));
      return;
    }

    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no', // nginx: do not buffer the stream
    });
    const reader = upstream.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // Respect back-pressure; the wait ends early if the client leaves.
        if (!res.write(value)) await once(res, 'drain', { signal: upstreamAbort.signal });
      }
      res.end();
    } catch {
      // The client left (the read was aborted) or the upstream connection broke: ending the response
      // without the terminal `[DONE]` lets Rivulet report the answer as interrupted.
      res.destroy();
    }
  };
}

/**
 * The `messages` of the request body (already parsed by `express.json()`, or read here). With
 * `express.json()`, raise its `limit` (100 kB by default) to let attached images through.
 */
async function readMessages(req: IncomingMessage, imageUrlPrefixes: string[]): Promise<ChatMessage[] | undefined> {
  let body = (req as { body?: unknown }).body;
  if (body === undefined) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return undefined;
    }
  }
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return undefined;
  // Forward only role, content and attached images: clients must not inject other provider
  // parameters, nor a system prompt (a browser-sent `system` message would be an open door to prompt injection).
  return messages
    .filter((m: { role?: unknown }) => m.role !== 'system')
    .map((m: { role?: unknown; content?: unknown; parts?: unknown }): ChatMessage => {
      const text = String(m.content ?? '');
      if (m.role === 'assistant') return { role: 'assistant', content: text };
      const images = imageUrls(m.parts, imageUrlPrefixes);
      if (images.length === 0) return { role: 'user', content: text };
      const content: ContentPart[] = text === '' ? [] : [{ type: 'text', text }];
      for (const url of images) content.push({ type: 'image_url', image_url: { url } });
      return { role: 'user', content };
    });
}

/** Images the model may see: PNG, JPEG, GIF or WebP, inline as the composer sends them by default. */
const inlineImage = /^data:image\/(png|jpeg|gif|webp);base64,/;

/** The URLs of a message's image file parts (Rivulet sends `parts` on messages with files) that may be forwarded. */
function imageUrls(parts: unknown, prefixes: string[]): string[] {
  if (!Array.isArray(parts)) return [];
  return parts.flatMap((part) => {
    const { type, mediaType, url } = (part ?? {}) as { type?: unknown; mediaType?: unknown; url?: unknown };
    if (type !== 'file' || typeof url !== 'string') return [];
    if (inlineImage.test(url)) return [url];
    const isImage = typeof mediaType === 'string' && mediaType.startsWith('image/');
    return isImage && prefixes.some((prefix) => url.startsWith(prefix)) ? [url] : [];
  });
}

function sendError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: { message } }));
}

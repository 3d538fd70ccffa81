/**
 * Next.js App Router route handler (`app/api/chat/route.ts`) that proxies Anthropic Messages
 * streaming for Rivulet's `<ChatWindow api="/api/chat">`. The upstream Server-Sent Events body is
 * returned as it is, so Rivulet's `'auto'` format recognises it as `'anthropic'` (text, thinking,
 * tool input, usage, in-band `error` events). Images attached in the composer (file parts) go to
 * Anthropic as image blocks. Only standard `Request`/`Response` are used: the same
 * file works in other fetch-style servers (Hono, Remix, SvelteKit endpoints, Bun, Deno).
 *
 * Environment: `ANTHROPIC_API_KEY`; optional `ANTHROPIC_BASE_URL`, `ANTHROPIC_MODEL`, and
 * `ANTHROPIC_SYSTEM_PROMPT`. The system prompt is the server's: `system` messages sent by a browser
 * are dropped, since anyone can send any message to this route (see docs/security.md).
 */

/**
 * Where attached images may live besides inline `data:` URLs: prefixes of your own storage, e.g.
 * `['https://uploads.example.com/']` for the URLs an `upload` callback returns. Other URLs are
 * dropped, so a browser cannot have Anthropic fetch any address it likes.
 */
const IMAGE_URL_PREFIXES: string[] = [];

/** The content blocks of a user message with images, in the Messages API shape. */
type ContentBlock =
  | { type: 'text'; text: string }
  | {
      type: 'image';
      source: { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string };
    };

interface ChatMessage {
  role: 'user' | 'assistant';
  content: string | ContentBlock[];
}

export async function POST(req: Request): Promise<Response> {
  const messages = await readMessages(req);
  if (!messages) return jsonError(400, 'Expected JSON { messages: [{ role, content }] }');

  // Anthropic takes the system prompt beside the conversation; it is the server's, never the browser's.
  const system = process.env.ANTHROPIC_SYSTEM_PROMPT;

  const baseURL = (process.env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com').replace(/\/$/, '');
  let upstream: Response;
  try {
    upstream = await fetch(`${baseURL}/v1/messages`, {
      method: 'POST',
      headers: {
        'x-api-key': process.env.ANTHROPIC_API_KEY ?? '',
        'anthropic-version': '2023-06-01',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        model: process.env.ANTHROPIC_MODEL ?? 'claude-sonnet-4-5',
        max_tokens: 4096,
        stream: true,
        ...(system ? { system } : {}),
        messages,
      }),
      // Next.js aborts `req.signal` when the browser disconnects (or Rivulet's Stop button aborts the
      // fetch): passing it on cancels the upstream generation instead of paying for unread tokens.
      signal: req.signal,
    });
  } catch {
    return jsonError(502, 'The model provider could not be reached');
  }

  if (!upstream.ok || !upstream.body) {
    // Anthropic's status and error body ({ error: { message } }) pass through: Rivulet reports them.
    return new Response(await upstream.text().catch(() => ''), {
      status: upstream.status,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
    });
  }
  return new Response(upstream.body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}

async function readMessages(req: Request): Promise<ChatMessage[] | undefined> {
  const body: unknown = await req.json().catch(() => undefined);
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return undefined;
  // Forward only role, content and attached images: clients must not inject other provider
  // parameters, nor a system prompt (a browser-sent `system` message would be an open door to prompt injection).
  return messages
    .filter((m: { role?: unknown }) => m.role !== 'system')
    .map((m: { role?: unknown; content?: unknown; parts?: unknown }): ChatMessage => {
      const text = String(m.content ?? '');
      if (m.role === 'assistant') return { role: 'assistant', content: text };
      const images = imageBlocks(m.parts);
      if (images.length === 0) return { role: 'user', content: text };
      // Anthropic reads images best before the question about them.
      return { role: 'user', content: text === '' ? images : [...images, { type: 'text', text }] };
    });
}

/** Images the model may see: PNG, JPEG, GIF or WebP, inline as the composer sends them by default. */
const inlineImage = /^data:(image\/(?:png|jpeg|gif|webp));base64,(.*)$/s;

/** A message's image file parts (Rivulet sends `parts` on messages with files) as image blocks. */
function imageBlocks(parts: unknown): ContentBlock[] {
  if (!Array.isArray(parts)) return [];
  return parts.flatMap((part): ContentBlock[] => {
    const { type, mediaType, url } = (part ?? {}) as { type?: unknown; mediaType?: unknown; url?: unknown };
    if (type !== 'file' || typeof url !== 'string') return [];
    const inline = inlineImage.exec(url);
    if (inline) return [{ type: 'image', source: { type: 'base64', media_type: inline[1]!, data: inline[2]! } }];
    const isImage = typeof mediaType === 'string' && mediaType.startsWith('image/');
    if (!isImage || !IMAGE_URL_PREFIXES.some((prefix) => url.startsWith(prefix))) return [];
    return [{ type: 'image', source: { type: 'url', url } }];
  });
}

function jsonError(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status });
}

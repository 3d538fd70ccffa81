/**
 * Optional real-provider mode of the demo's `/api/chat`: when an API key is configured, the
 * endpoint forwards the conversation to OpenAI (or any OpenAI-compatible server such as Ollama
 * or vLLM) or to Anthropic with streaming on, and pipes the provider's SSE straight back. The
 * browser reads it with format `'auto'`, exactly as it reads the mock. Attached images go on in each
 * provider's shape; `system` messages from the page do not. Keys are read from the environment and
 * never logged or sent to the browser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ProviderConfig {
  provider: 'openai' | 'anthropic';
  model: string;
  url: string;
  headers: Record<string, string>;
}

type Env = Record<string, string | undefined>;

/** The provider configured by the environment, or undefined to use the mock. OpenAI wins when both keys are set. */
export function providerFromEnv(env: Env): ProviderConfig | undefined {
  if (env.OPENAI_API_KEY) {
    const base = (env.OPENAI_BASE_URL || 'https://api.openai.com/v1').replace(/\/+$/, '');
    return {
      provider: 'openai',
      model: env.OPENAI_MODEL || 'gpt-4o-mini',
      url: `${base}/chat/completions`,
      headers: { Authorization: `Bearer ${env.OPENAI_API_KEY}` },
    };
  }
  if (env.ANTHROPIC_API_KEY) {
    return {
      provider: 'anthropic',
      model: env.ANTHROPIC_MODEL || 'claude-sonnet-4-5',
      url: `${(env.ANTHROPIC_BASE_URL || 'https://api.anthropic.com').replace(/\/+$/, '')}/v1/messages`,
      headers: { 'x-api-key': env.ANTHROPIC_API_KEY, 'anthropic-version': '2023-06-01' },
    };
  }
  return undefined;
}

interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  /** Attached images, as inline `data:` URLs. */
  images: string[];
}

/** Images the models read, inline as the composer sends them: `data:image/png;base64,…` and the like. */
const inlineImage = /^data:(image\/(?:png|jpeg|gif|webp));base64,(.*)$/s;

/** The inline images among a message's parts (Rivulet sends `parts` on messages with files). */
function imagesOf(parts: unknown): string[] {
  if (!Array.isArray(parts)) return [];
  return parts.flatMap((part) => {
    const { type, url } = (part ?? {}) as { type?: unknown; url?: unknown };
    return type === 'file' && typeof url === 'string' && inlineImage.test(url) ? [url] : [];
  });
}

/**
 * Keeps only well-formed user and assistant messages, with their text and attached images; UI-only
 * fields (ids, status) stay behind, and so do `system` messages: the system prompt is the server's
 * (docs/security.md), whatever the page sends.
 */
function cleanMessages(value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const { role, content, parts } = (item ?? {}) as { role?: unknown; content?: unknown; parts?: unknown };
    if ((role !== 'user' && role !== 'assistant') || typeof content !== 'string') return [];
    const images = role === 'user' ? imagesOf(parts) : [];
    return content || images.length > 0 ? [{ role, content, images }] : [];
  });
}

/** A message in OpenAI's shape: images as `image_url` parts after the text. */
function openAIMessage({ role, content, images }: ChatMessage) {
  if (images.length === 0) return { role, content };
  const text = content ? [{ type: 'text', text: content }] : [];
  return { role, content: [...text, ...images.map((url) => ({ type: 'image_url', image_url: { url } }))] };
}

/** A message in Anthropic's shape: images as base64 blocks before the text. */
function anthropicMessage({ role, content, images }: ChatMessage) {
  if (images.length === 0) return { role, content };
  const blocks: object[] = images.map((url) => {
    const [, mediaType, data] = inlineImage.exec(url) ?? [];
    return { type: 'image', source: { type: 'base64', media_type: mediaType, data } };
  });
  if (content) blocks.push({ type: 'text', text: content });
  return { role, content: blocks };
}

function requestBody(config: ProviderConfig, messages: ChatMessage[]): string {
  if (config.provider === 'openai') {
    return JSON.stringify({
      model: config.model,
      messages: messages.map(openAIMessage),
      stream: true,
      stream_options: { include_usage: true },
    });
  }
  return JSON.stringify({
    model: config.model,
    max_tokens: 4096,
    stream: true,
    messages: messages.map(anthropicMessage),
  });
}

/** A Connect-style handler for `POST /api/chat` that streams from the configured provider. */
export function createProxyHandler(config: ProviderConfig, path = '/api/chat') {
  return async (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (new URL(request.url ?? '/', 'http://demo.local').pathname !== path || request.method !== 'POST') return next();
    const upstream = new AbortController();
    // The browser pressed Stop or left: cancel the provider request too, so no tokens are billed in vain.
    response.on('close', () => {
      if (!response.writableEnded) upstream.abort();
    });
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const { messages } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { messages?: unknown };
      const result = await fetch(config.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...config.headers },
        body: requestBody(config, cleanMessages(messages)),
        signal: upstream.signal,
      });
      response.writeHead(result.status, {
        'Content-Type': result.headers.get('content-type') ?? 'text/event-stream',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      });
      response.flushHeaders();
      if (result.body) {
        const reader = result.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          response.write(value);
        }
      }
      response.end();
    } catch (error) {
      if (upstream.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.writeHead(502, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `Could not reach ${config.provider}: ${message}` } }));
    }
  };
}

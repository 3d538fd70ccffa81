/**
 * Optional real-provider mode of the demo's `/api/chat`: when an API key is configured, the
 * endpoint forwards the conversation to OpenAI (or any OpenAI-compatible server such as Ollama
 * or vLLM) or to Anthropic with streaming on, and pipes the provider's SSE straight back. The
 * browser reads it with format `'auto'`, exactly as it reads the mock. Keys are read from the
 * environment and never logged or sent to the browser.
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
  role: 'user' | 'assistant' | 'system';
  content: string;
}

/** Keeps only well-formed messages with text content; UI-only fields (ids, status) stay behind. */
function cleanMessages(value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const { role, content } = (item ?? {}) as { role?: unknown; content?: unknown };
    if ((role === 'user' || role === 'assistant' || role === 'system') && typeof content === 'string' && content) {
      return [{ role, content }];
    }
    return [];
  });
}

function requestBody(config: ProviderConfig, messages: ChatMessage[]): string {
  if (config.provider === 'openai') {
    return JSON.stringify({ model: config.model, messages, stream: true, stream_options: { include_usage: true } });
  }
  const system = messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content)
    .join('\n\n');
  return JSON.stringify({
    model: config.model,
    max_tokens: 4096,
    stream: true,
    ...(system ? { system } : {}),
    messages: messages.filter((message) => message.role !== 'system'),
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

/**
 * A Vercel AI SDK (`ai` 6) route for Rivulet's `<ChatWindow api="/api/chat">`: `streamText(...)`
 * answered with `toUIMessageStreamResponse()`, the AI SDK UI message stream that Rivulet's
 * `'auto'` format recognises as `'ai-sdk'` (by its `x-vercel-ai-ui-message-stream: v1` header).
 * Any AI SDK provider works; token usage reaches Rivulet through the `finish` part's metadata.
 * The system prompt is the server's (`options.system`): `system` messages sent by a browser are
 * dropped, since anyone can send any message to this route (see docs/security.md).
 *
 * @example
 * // app/api/chat/route.ts
 * import { openai } from '@ai-sdk/openai';
 * export const POST = createChatRoute(openai('gpt-4o-mini'), { system: 'You are a helpful assistant.' });
 */
import { type LanguageModel, type ModelMessage, streamText } from 'ai';

/** Creates a fetch-style `POST(req: Request)` handler that answers with `model`. */
export function createChatRoute(model: LanguageModel, options: { system?: string } = {}) {
  return async function handleChat(req: Request): Promise<Response> {
    const body: unknown = await req.json().catch(() => undefined);
    const messages = (body as { messages?: unknown } | null)?.messages;
    if (!Array.isArray(messages)) {
      return Response.json({ error: { message: 'Expected JSON { messages: [{ role, content }] }' } }, { status: 400 });
    }
    // A browser's `system` messages never reach the model: the system prompt is the server's.
    const turns = messages.map(toModelMessage).filter((m): m is ModelMessage => m !== undefined);
    const result = streamText({
      model,
      ...(options.system ? { system: options.system } : {}),
      // Rivulet sends `{ role, content }` with string content: already AI SDK model messages
      // (no `convertToModelMessages`, which is for the AI SDK's own `parts`-based UI messages).
      messages: turns,
      // The client's Stop (or a closed tab) aborts the provider request.
      abortSignal: req.signal,
    });
    return result.toUIMessageStreamResponse({
      // Rivulet reads usage from `finish.messageMetadata.usage` ({ inputTokens, outputTokens, totalTokens }).
      messageMetadata: ({ part }) => (part.type === 'finish' ? { usage: part.totalUsage } : undefined),
      // The default hides provider errors behind a generic text; pick what your users may see.
      onError: (error) => (error instanceof Error ? error.message : 'The answer failed'),
    });
  };
}

function toModelMessage(m: { role?: unknown; content?: unknown }): ModelMessage | undefined {
  const content = String(m.content ?? '');
  if (m.role === 'system') return undefined;
  if (m.role === 'assistant') return { role: 'assistant', content };
  return { role: 'user', content };
}

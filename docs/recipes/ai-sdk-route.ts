/**
 * A Vercel AI SDK (`ai` 6) route for Rivulet's `<ChatWindow api="/api/chat">`: `streamText(...)`
 * answered with `toUIMessageStreamResponse()`, the AI SDK UI message stream that Rivulet's
 * `'auto'` format recognises as `'ai-sdk'` (by its `x-vercel-ai-ui-message-stream: v1` header).
 * Any AI SDK provider works; token usage reaches Rivulet through the `finish` part's metadata.
 *
 * @example
 * // app/api/chat/route.ts
 * import { openai } from '@ai-sdk/openai';
 * export const POST = createChatRoute(openai('gpt-4o-mini'));
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
    const turns = messages.map(toModelMessage);
    // System text goes in `system` (the AI SDK warns about system messages among the turns).
    const system = [options.system, ...turns.filter((m) => m.role === 'system').map((m) => m.content)]
      .filter(Boolean)
      .join('\n\n');
    const result = streamText({
      model,
      ...(system ? { system } : {}),
      // Rivulet sends `{ role, content }` with string content: already AI SDK model messages
      // (no `convertToModelMessages`, which is for the AI SDK's own `parts`-based UI messages).
      messages: turns.filter((m) => m.role !== 'system'),
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

function toModelMessage(m: { role?: unknown; content?: unknown }): ModelMessage {
  const content = String(m.content ?? '');
  if (m.role === 'system') return { role: 'system', content };
  if (m.role === 'assistant') return { role: 'assistant', content };
  return { role: 'user', content };
}

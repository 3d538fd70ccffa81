/**
 * A Vercel AI SDK (`ai` 6) route for Rivulet's `<ChatWindow api="/api/chat">`: `streamText(...)`
 * answered with `toUIMessageStreamResponse()`, the AI SDK UI message stream that Rivulet's
 * `'auto'` format recognises as `'ai-sdk'` (by its `x-vercel-ai-ui-message-stream: v1` header).
 * Any AI SDK provider works; token usage reaches Rivulet through the `finish` part's metadata.
 * Images attached in the composer (inline `data:` URLs) reach the model as image parts.
 * The system prompt is the server's (`options.system`): `system` messages sent by a browser are
 * dropped, since anyone can send any message to this route (see docs/security.md).
 *
 * @example
 * // app/api/chat/route.ts
 * import { openai } from '@ai-sdk/openai';
 * export const POST = createChatRoute(openai('gpt-4o-mini'), { system: 'You are a helpful assistant.' });
 */
import { type ImagePart, type LanguageModel, type ModelMessage, streamText } from 'ai';

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
      // Rivulet sends `{ role, content }` with string content (plus `parts` with attached files):
      // model messages as they are, images added (no `convertToModelMessages`, which is for the AI
      // SDK's own `parts`-based UI messages).
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

function toModelMessage(m: { role?: unknown; content?: unknown; parts?: unknown }): ModelMessage | undefined {
  const content = String(m.content ?? '');
  if (m.role === 'system') return undefined;
  if (m.role === 'assistant') return { role: 'assistant', content };
  const images = inlineImages(m.parts);
  if (images.length === 0) return { role: 'user', content };
  return {
    role: 'user',
    content: [...(content === '' ? [] : [{ type: 'text' as const, text: content }]), ...images],
  };
}

/**
 * A message's attached images (Rivulet sends `parts` on messages with files) as AI SDK image parts:
 * inline PNG, JPEG, GIF or WebP `data:` URLs only. The AI SDK downloads an `http(s)` image on the
 * server when the provider cannot take the URL, so a URL from the browser is never passed on here.
 */
function inlineImages(parts: unknown): ImagePart[] {
  if (!Array.isArray(parts)) return [];
  return parts.flatMap((part): ImagePart[] => {
    const { type, url } = (part ?? {}) as { type?: unknown; url?: unknown };
    const inline = typeof url === 'string' ? /^data:(image\/(?:png|jpeg|gif|webp));base64,/.exec(url) : null;
    return type === 'file' && inline ? [{ type: 'image', image: url as string, mediaType: inline[1] }] : [];
  });
}

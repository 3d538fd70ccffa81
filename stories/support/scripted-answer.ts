/**
 * A `send` for `useChat` that streams a scripted answer in the AI SDK UI message stream format,
 * for what the canned mock answers do not carry (sources). Offline, and stopped by the chat's signal.
 */
import type { ChatSend } from '@rivulet/react';

/** One event of the answer: text, reasoning or a cited source. */
export type ScriptedPart =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'source'; url: string; title?: string };

/** The answer's events, text cut into words so it streams. */
function eventsOf(parts: ScriptedPart[]): object[] {
  const events: object[] = [{ type: 'start' }];
  parts.forEach((part, index) => {
    if (part.type === 'source') {
      events.push({ type: 'source-url', sourceId: `source-${index}`, url: part.url, title: part.title });
      return;
    }
    const id = `${part.type}-${index}`;
    const delta = part.type === 'text' ? 'text-delta' : 'reasoning-delta';
    for (const word of part.text.split(/(?<= )/)) events.push({ type: delta, id, delta: word });
  });
  events.push({ type: 'finish', finishReason: 'stop' });
  return events;
}

/**
 * Answers every request with `parts`, one event every `intervalMs`.
 *
 * @example
 * const chat = useChat({ send: scriptedAnswer([{ type: 'text', text: 'Hello' }]), format: 'ai-sdk' });
 */
export function scriptedAnswer(parts: ScriptedPart[], intervalMs = 30): ChatSend {
  return (_messages, { signal }) => {
    const encoder = new TextEncoder();
    const events = eventsOf(parts);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let index = 0;
        const next = () => {
          if (signal.aborted) return;
          if (index === events.length) {
            controller.enqueue(encoder.encode('data: [DONE]\n\n'));
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(events[index++])}\n\n`));
          timer = setTimeout(next, intervalMs);
        };
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          controller.error(signal.reason ?? new DOMException('Aborted', 'AbortError'));
        });
        next();
      },
      cancel() {
        clearTimeout(timer);
      },
    });
    return new Response(body, {
      headers: { 'Content-Type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
    });
  };
}

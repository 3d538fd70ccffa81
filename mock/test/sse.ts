/** A minimal SSE splitter for assertions on the mock's own output (not a spec-complete parser). */
export interface SseMessage {
  event?: string;
  data: string;
}

export function parseSse(text: string): SseMessage[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const message: SseMessage = { data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) message.event = line.slice(7);
        else if (line.startsWith('data: ')) message.data += line.slice(6);
      }
      return message;
    });
}

export const json = (message: SseMessage) => JSON.parse(message.data) as Record<string, unknown>;

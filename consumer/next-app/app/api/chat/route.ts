import { type RequestRecord, requestRecords } from '../requests';

export const dynamic = 'force-dynamic';

/** The answer's Markdown: emphasis, inline code, a link, a TypeScript code block and a list. */
function answerFor(question: string): string {
  return [
    `You asked: "${question}". Here is **Markdown** from a Next.js route, with \`inline code\` and a [link](https://example.com/docs).`,
    '',
    '```ts',
    'export function greet(name: string): string {',
    "  return 'Hello, ' + name + '!';",
    '}',
    '```',
    '',
    '- first point',
    '- second point',
  ].join('\n');
}

/** A long tail for questions that ask for a slow answer: time enough to press Stop. */
const slowTail = Array.from({ length: 300 }, (_, index) => `Sentence ${index + 1} of a long answer.`).join(' ');

/** Cuts text into pieces of 1-6 characters, as a model's tokens arrive. */
function pieces(text: string): string[] {
  const result: string[] = [];
  for (let index = 0; index < text.length; ) {
    const size = 1 + (index % 6);
    result.push(text.slice(index, index + size));
    index += size;
  }
  return result;
}

function chunk(content: string): string {
  const event = { id: 'chatcmpl-next', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] };
  return `data: ${JSON.stringify(event)}\n\n`;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Streams a mock OpenAI-compatible answer to the last user message, and records whether it was aborted. */
export async function POST(request: Request) {
  const body = (await request.json()) as { messages?: { role: string; content: string }[] };
  const question = body.messages?.findLast((message) => message.role === 'user')?.content ?? '';
  const record: RequestRecord = { question, completed: false, aborted: false };
  requestRecords().push(record);
  request.signal.addEventListener('abort', () => {
    if (!record.completed) record.aborted = true;
  });
  const isSlow = question.toLowerCase().includes('slow');
  const text = isSlow ? `${answerFor(question)}\n\n${slowTail}` : answerFor(question);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for (const piece of pieces(text)) {
          if (request.signal.aborted) return;
          controller.enqueue(encoder.encode(chunk(piece)));
          await wait(isSlow ? 40 : 15);
        }
        record.completed = true;
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
        controller.close();
      } catch {
        // The reader went away (the stream was cancelled): nothing left to send.
      }
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform' },
  });
}

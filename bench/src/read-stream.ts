/**
 * Throughput of `readStream` on a ~1 MB OpenAI Chat Completions transcript of small chunks
 * (1-6 character deltas, as a model streams them), delivered as a Response in 64 KiB chunks.
 *
 *   npx tsx bench/src/read-stream.ts
 *
 * Prints the transcript size, events read, and the median time and throughput over several runs.
 */

import { readStream } from '../../packages/core/src/index';

const TARGET_BYTES = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const RUNS = 7;
const WORDS = ['The', ' stream', 'ing', ' answer', ' é', 'té', ' 日本', '語', ',', ' 🚀', ' and', ' so', ' on', '.\n'];

function transcript(): { body: Uint8Array; deltas: number } {
  const head =
    '{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion.chunk","created":1741569952,"model":"gpt-4.1-2025-04-14","service_tier":"default","system_fingerprint":"fp_b376dfbbd5","choices":[{"index":0,"delta":{"content":';
  const tail = '},"logprobs":null,"finish_reason":null}],"usage":null}';
  const parts: string[] = [];
  let size = 0;
  let deltas = 0;
  while (size < TARGET_BYTES) {
    const part = `data: ${head}${JSON.stringify(WORDS[deltas % WORDS.length])}${tail}\n\n`;
    parts.push(part);
    size += part.length;
    deltas++;
  }
  parts.push('data: [DONE]\n\n');
  return { body: new TextEncoder().encode(parts.join('')), deltas };
}

function responseOf(body: Uint8Array): Response {
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= body.length) {
        controller.close();
        return;
      }
      controller.enqueue(body.subarray(offset, offset + CHUNK_BYTES));
      offset += CHUNK_BYTES;
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
}

async function run(body: Uint8Array): Promise<{ ms: number; events: number; textLength: number }> {
  const started = performance.now();
  let events = 0;
  let textLength = 0;
  for await (const event of readStream(responseOf(body))) {
    events++;
    if (event.type === 'text') textLength += event.delta.length;
  }
  return { ms: performance.now() - started, events, textLength };
}

const { body, deltas } = transcript();
const megabytes = body.length / (1024 * 1024);
const cold = await run(body); // also loads the runtime's stream internals and warms the JIT
const runs: Array<Awaited<ReturnType<typeof run>>> = [];
for (let index = 0; index < RUNS; index++) runs.push(await run(body));
const sorted = runs.map((result) => result.ms).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
const last = runs.at(-1);
if (!last || last.events !== deltas + 1) throw new Error(`expected ${deltas + 1} events, got ${last?.events}`);

console.log(`readStream, OpenAI SSE transcript via Response in ${CHUNK_BYTES / 1024} KiB chunks`);
console.log(`  size    ${megabytes.toFixed(2)} MB (${deltas} chunks)`);
console.log(`  events  ${last.events} (${last.textLength} characters of text)`);
console.log(
  `  time    ${median.toFixed(1)} ms median of ${RUNS} (min ${sorted[0]?.toFixed(1)}, max ${sorted.at(-1)?.toFixed(1)})`,
);
console.log(`  speed   ${(megabytes / (median / 1000)).toFixed(1)} MB/s`);
console.log(`  cold    ${cold.ms.toFixed(1)} ms (first read in this process)`);

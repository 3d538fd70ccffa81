import { FENCE, type MockAnswer } from './types.js';

/** The default answer: every common Markdown construct in a realistic explanation. */
export const overview: MockAnswer = {
  id: 'overview',
  title: 'Mixed Markdown: headings, lists, a table, a quote and code',
  parts: [
    {
      type: 'text',
      text: `## Streaming responses in a React app

Streaming lets the user read the **first words within a few hundred milliseconds** instead of waiting for the whole answer. There are three moving parts:

1. **The transport** — usually Server-Sent Events over \`fetch\`, sometimes a WebSocket.
2. **The parser** — turns provider events into text deltas:
   - OpenAI sends \`choices[0].delta.content\`
   - Anthropic sends \`content_block_delta\` events
     - with \`text_delta\` for the answer
     - and \`thinking_delta\` for extended thinking
3. **The renderer** — repairs the *partial* Markdown and paints it at most once per frame.

### Choosing a transport

| Transport | Direction | Reconnects | Works through proxies |
|:----------|:---------:|:----------:|----------------------:|
| SSE over \`fetch\` | server → client | manual | yes |
| \`EventSource\` | server → client | automatic | yes |
| WebSocket | both ways | manual | usually |

> **Tip:** prefer \`fetch\` with a \`ReadableStream\` reader over \`EventSource\`: it supports \`POST\` bodies, custom headers and an \`AbortSignal\`.

### A minimal reader

${FENCE}ts
const response = await fetch('/api/chat', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ messages }),
  signal: controller.signal,
});

const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  render(value);
}
${FENCE}

A few things to watch out for:

- Chunk boundaries fall **anywhere**, even inside a multi-byte character.
- Re-rendering the whole document on every token is *quadratic*; render only the tail block.
- Always wire a **Stop** button to \`controller.abort()\` — users expect it.

See the [Streams API on MDN](https://developer.mozilla.org/en-US/docs/Web/API/Streams_API) for the details.
`,
    },
  ],
};

import type { MockAnswer } from './types.js';

/** Tables with alignment, inline formatting in cells and a wide one that must scroll. */
export const tables: MockAnswer = {
  id: 'tables',
  title: 'Tables: alignment, inline code in cells, a wide table',
  parts: [
    {
      type: 'text',
      text: `Here is how the popular models compare on the things that matter for a chat UI.

| Model | Context | Streams reasoning | Tool calls | Price (in / out per 1M) |
|:------|--------:|:-----------------:|:----------:|------------------------:|
| \`gpt-4.1-mini\` | 1M | no | yes | $0.40 / $1.60 |
| \`claude-sonnet-4\` | 200k | **yes** | yes | $3.00 / $15.00 |
| \`gemini-2.5-flash\` | 1M | *summaries* | yes | $0.30 / $2.50 |
| \`llama-3.3-70b\` | 128k | no | partial | self-hosted |

And the wire formats each one speaks:

| Provider | Content-Type | Text field | Terminal event |
|----------|--------------|------------|----------------|
| OpenAI | \`text/event-stream\` | \`choices[].delta.content\` | \`data: [DONE]\` |
| Anthropic | \`text/event-stream\` | \`delta.text\` | \`message_stop\` |
| AI SDK | \`text/event-stream\` | \`delta\` of \`text-delta\` | \`data: [DONE]\` |
| Ollama | \`application/x-ndjson\` | \`message.content\` | \`"done": true\` |

| Status | Meaning | Retry? | What the user should see | Typical cause | Backoff |
|--------|---------|--------|--------------------------|---------------|---------|
| 400 | Bad request | no | "Something is wrong with this request" | context too long, invalid tool schema | — |
| 401 | Unauthorized | no | "Check your API key" | missing or revoked key | — |
| 429 | Rate limited | yes | "Busy, retrying…" | too many requests or tokens per minute | honour \`retry-after\` |
| 529 | Overloaded | yes | "The model is overloaded" | provider capacity | exponential |

Keep the last table in mind: **429 and 5xx are retryable**, 4xx otherwise are not.
`,
    },
  ],
};

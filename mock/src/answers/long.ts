import { FENCE, type MockAnswer } from './types.js';

/** A long, realistic answer (about 7 KB) that overflows any chat window: for scrolling and stress. */
export const long: MockAnswer = {
  id: 'long',
  title: 'A long guide (about 7 KB)',
  parts: [
    {
      type: 'text',
      text: `# Building a production-ready chat UI

This guide walks through the decisions that separate a demo from a product: transport, rendering, scrolling, errors, accessibility and testing. Each section ends with a short checklist.

## 1. Transport

Most providers stream **Server-Sent Events**. Read them with \`fetch\` so you can send a \`POST\` body and cancel with an \`AbortController\`:

${FENCE}ts
const controller = new AbortController();
const response = await fetch('/api/chat', {
  method: 'POST',
  body: JSON.stringify({ messages }),
  signal: controller.signal,
});
if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
${FENCE}

Things that go wrong in the field:

- Proxies **buffer** the response and deliver it in large bursts. Send \`Cache-Control: no-cache\` and, behind nginx, \`X-Accel-Buffering: no\`.
- Mobile networks **stall** for seconds at a time. An idle timeout (say 30 s) turns a silent hang into an error the user can retry.
- Connections **drop** without a terminal event. Treat a stream that ends without \`[DONE]\` or \`message_stop\` as interrupted, and keep what arrived.

Checklist:

1. Cancel the request when the user presses Stop, presses Esc or leaves the page.
2. Surface HTTP errors with the provider's message, not just the status.
3. Never discard partial text on failure.

## 2. Rendering

Rendering Markdown while it streams is harder than it looks. A half-received document is usually *invalid* Markdown:

- \`Hello **wor\` has an unclosed emphasis marker;
- a code block is open until its closing fence arrives;
- a table's delimiter row may not have arrived yet;
- \`[docs](https://exa\` is a link without its closing parenthesis.

The fix has two parts. First, **repair** the tail: close whatever is open, hide markers with nothing after them yet, and leave real asterisks (\`2 * 3\`) and intraword underscores (\`snake_case\`) alone. Second, **split** the document into top-level blocks: every block except the last is final and never changes, so its rendered output can be reused.

${FENCE}ts
const blocks = splitBlocks(text);
const finished = blocks.slice(0, -1); // render once, memoise
const tail = repairMarkdown(blocks.at(-1) ?? ''); // re-render every frame
${FENCE}

With that split, the cost per frame depends on the size of the **last block**, not on the length of the answer. A 200 KB answer streams as smoothly as a 2 KB one.

### Frame pacing

Tokens arrive faster than the screen refreshes — 50 to 200 per second is common, and bursts of several hundred happen after a stall. Buffer deltas and flush at most once per animation frame:

| Strategy | Commits per second | Feels |
|----------|-------------------:|-------|
| Render every token | up to 1,000 | janky under load |
| One commit per frame | 60 | smooth |
| Smoothing bursts over frames | 60 | smooth and steady |

### Syntax highlighting

Highlighters are heavy. Load them **lazily per language**, show plain code until the grammar is ready, and never switch a line back to plain once it has been highlighted — that flicker is very noticeable.

## 3. Scrolling

Auto-scroll is the feature users complain about most. The rules that work:

1. Stick to the bottom while the user is at the bottom.
2. **Any** user scroll — wheel, touch, keyboard, dragging the scrollbar, selecting text — releases the lock.
3. Show a *Jump to latest* button while released, ideally with how much is new.
4. Re-engage only when the user returns to the bottom or clicks the button.

> Programmatic scrolls and user scrolls both fire \`scroll\` events. Tell them apart by the input events that precede them (\`wheel\`, \`touchmove\`, \`keydown\`, \`pointerdown\`), not by comparing positions.

## 4. Errors and retries

| Failure | What the user sees | Keep partial text? |
|---------|--------------------|:------------------:|
| HTTP 429 | "Rate limited — retry in a moment" | n/a |
| Provider error mid-stream | the answer so far, then an error row | **yes** |
| Connection dropped | the answer so far, marked interrupted | **yes** |
| Stopped by the user | the answer so far, marked stopped | **yes** |

A **Retry** button should resend the same conversation and replace the failed answer only once the new one starts arriving.

## 5. Accessibility

- Put messages in a \`role="log"\` region so screen readers announce new messages politely.
- Mark the streaming message \`aria-busy="true"\`, otherwise every token is announced.
- Give the Stop button a real accessible name, and make Esc stop generation too.
- Never submit on Enter while an IME composition is active (\`event.isComposing\`).

## 6. Testing

Unit tests catch parser bugs; real browsers catch the rest. A good suite streams from a **mock server with fault injection**:

${FENCE}bash
curl -N -X POST 'http://127.0.0.1:5173/api/chat?format=anthropic&errorAfter=40' \\
  -H 'Content-Type: application/json' \\
  -d '{"messages":[{"role":"user","content":"hi"}]}'
${FENCE}

and asserts what the user would notice: text appears progressively, the cursor blinks while streaming and disappears after, Stop really stops, and the server saw the request aborted.

---

That is the whole list. None of it is exotic, but skipping any one item is something users notice within minutes.
`,
    },
  ],
};

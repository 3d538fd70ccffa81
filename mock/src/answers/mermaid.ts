import { FENCE, type MockAnswer } from './types.js';

/** Two Mermaid diagrams (a flowchart and a sequence diagram) with prose around them. */
export const mermaid: MockAnswer = {
  id: 'mermaid',
  title: 'Diagrams: a Mermaid flowchart and a sequence diagram',
  parts: [
    {
      type: 'text',
      text: `Here is how a streamed answer travels, first as a **flowchart**:

${FENCE}mermaid
flowchart TD
  accTitle: From prompt to rendered answer
  A[User sends a prompt] --> B(Server calls the model)
  B --> C{Streaming?}
  C -->|yes| D[Deltas arrive as SSE events]
  C -->|no| E[One JSON response]
  D --> F[Buffer flushes once per frame]
  F --> G[Markdown renders the growing tail]
  E --> G
${FENCE}

Each box above is one stage; only the last one touches the DOM. The same exchange as a
**sequence diagram**:

${FENCE}mermaid
sequenceDiagram
  participant U as User
  participant C as Chat window
  participant S as Server
  participant M as Model
  U->>C: Types a question
  C->>S: POST /api/chat
  S->>M: Stream request
  loop every token
    M-->>S: delta
    S-->>C: data: {"delta": "..."}
  end
  M-->>S: [DONE]
  S-->>C: Stream ends
  C->>U: Final answer, ready to copy
${FENCE}

Stopping mid-stream aborts the request at the **Chat window** step, and the text received so far stays on screen.`,
    },
  ],
};

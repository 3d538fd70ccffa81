import { Chat, type ChatMessageInput, useChat } from '@rivulet/react';
import { useMemo, useRef, useState } from 'react';

export interface HistorySettings {
  /** Finished messages the chat opens with. */
  count: number;
  /** Older messages that can still be loaded at the top. */
  older: number;
  /** Messages loaded per scroll to the top. */
  batch: number;
  /** Keep the conversation in localStorage. */
  persist: boolean;
  endpoint: string;
}

const storageKey = 'rivulet-history-demo';
const ownKeys = ['count', 'older', 'batch', 'persist'];

export function readHistorySettings(search: string): HistorySettings {
  const params = new URLSearchParams(search);
  const number = (key: string, fallback: number) => {
    const value = Number(params.get(key));
    return Number.isFinite(value) && params.has(key) ? Math.max(0, Math.floor(value)) : fallback;
  };
  const controls = new URLSearchParams([...params].filter(([key]) => !ownKeys.includes(key)));
  const query = controls.toString();
  return {
    count: number('count', 1000),
    older: number('older', 200),
    batch: Math.max(1, number('batch', 50)),
    persist: params.get('persist') === '1',
    endpoint: query ? `/api/chat?${query}` : '/api/chat',
  };
}

/** Message `n` of the made-up history: questions and Markdown answers of varied length. */
function historyMessage(n: number): ChatMessageInput {
  if (n % 2 === 0) return { id: `h${n}`, role: 'user', content: `Question ${n / 2 + 1}: how does step ${n} work?` };
  const lines = [`**Answer ${(n + 1) / 2}.** Step ${n} reads the stream and renders it once per frame.`];
  if (n % 3 === 0) lines.push('', '- it buffers deltas', '- it repairs open Markdown', '- it keeps the partial text');
  if (n % 5 === 0) lines.push('', '```ts', `const step = ${n};`, 'render(step);', '```');
  return { id: `h${n}`, role: 'assistant', content: lines.join('\n'), status: 'done' };
}

function range(from: number, to: number): ChatMessageInput[] {
  const messages: ChatMessageInput[] = [];
  for (let n = from; n < to; n++) messages.push(historyMessage(n));
  return messages;
}

function restore(settings: HistorySettings): ChatMessageInput[] {
  if (settings.persist) {
    try {
      const saved = localStorage.getItem(storageKey);
      if (saved) return JSON.parse(saved) as ChatMessageInput[];
    } catch {
      // A broken entry: start over.
    }
  }
  return range(settings.older, settings.older + settings.count);
}

export function HistoryChat(settings: HistorySettings) {
  const [initialMessages] = useState(() => restore(settings));
  const chat = useChat({
    api: settings.endpoint,
    initialMessages,
    onMessagesChange: settings.persist
      ? (messages) => localStorage.setItem(storageKey, JSON.stringify(messages))
      : undefined,
  });
  // The made-up history starts at message `older`; each load prepends the batch before it.
  const firstLoaded = useRef(settings.persist ? 0 : settings.older);
  const [hasOlder, setHasOlder] = useState(firstLoaded.current > 0);
  const onLoadOlder = useMemo(
    () => async () => {
      // A server round trip, as a real history endpoint would take.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const from = Math.max(0, firstLoaded.current - settings.batch);
      const older = range(from, firstLoaded.current);
      firstLoaded.current = from;
      chat.setMessages((current) => [...older, ...current]);
      setHasOlder(from > 0);
    },
    [chat, settings.batch],
  );

  return (
    <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Chat.Root chat={chat} style={{ flex: '1 1 auto', minHeight: 0 }}>
        <Chat.Messages onLoadOlder={onLoadOlder} hasOlder={hasOlder} />
        <Chat.JumpToLatest />
        <Chat.Composer />
      </Chat.Root>
    </div>
  );
}

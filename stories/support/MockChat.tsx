/**
 * A `<ChatWindow>` wired to the in-browser mock LLM: it sends `prompt` on mount so a story opens
 * mid-answer, and can stop itself or answer a Retry differently from the first request.
 */
import {
  type ChatMessageInit,
  type ChatSend,
  ChatWindow,
  type ChatWindowProps,
  type UseChatOptions,
  useChat,
} from '@rivulet/react';
import { useEffect, useMemo, useRef } from 'react';
import { type MockOptions, mockSend } from '../../mock/src/index.js';

export interface MockChatProps extends Omit<ChatWindowProps, 'chat' | 'send' | 'api' | 'initialMessages'> {
  /** Controls of the first mock answer. */
  mock: MockOptions;
  /** Controls of later answers (a Retry); default the same as `mock`. */
  retryMock?: MockOptions;
  /** Sent once on mount. */
  prompt?: string;
  /** Stop the answer this long after sending. */
  stopAfterMs?: number;
  initialMessages?: ChatMessageInit[];
  /** The chat's resume option: a custom `send` resumes a dropped answer only when it is on. */
  resume?: UseChatOptions['resume'];
}

export function MockChat({ mock, retryMock, prompt, stopAfterMs, initialMessages, resume, ...props }: MockChatProps) {
  const calls = useRef(0);
  const send = useMemo<ChatSend>(() => {
    const first = mockSend(mock);
    const later = mockSend(retryMock ?? mock);
    return (messages, context) => (calls.current++ === 0 ? first : later)(messages, context);
  }, [mock, retryMock]);
  const chat = useChat({ send, initialMessages, resume });
  const sent = useRef(false);

  useEffect(() => {
    if (!prompt || sent.current) return;
    sent.current = true;
    chat.send(prompt);
    if (stopAfterMs === undefined) return;
    const timer = setTimeout(() => chat.stop(), stopAfterMs);
    return () => clearTimeout(timer);
  }, [chat, prompt, stopAfterMs]);

  return <ChatWindow chat={chat} {...props} />;
}

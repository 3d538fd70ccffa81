/**
 * `useChat` against the in-browser mock LLM, for stories that lay out the chat parts themselves:
 * sends `prompt` once on mount, so a story can open mid-answer.
 */
import { type ChatSend, type UseChatOptions, type UseChatResult, useChat } from '@rivulet/react';
import { useEffect, useMemo, useRef } from 'react';
import { type MockOptions, mockSend } from '../../mock/src/index.js';

export interface MockChatOptions extends Omit<UseChatOptions, 'api' | 'send'> {
  /** Controls of the mock's answers (by default picked from the question's words). */
  mock?: MockOptions;
  /** A transport of the story's own, instead of the mock. */
  send?: ChatSend;
  /** Sent once on mount. */
  prompt?: string;
}

export function useMockChat({ mock, send, prompt, ...options }: MockChatOptions): UseChatResult {
  const mockTransport = useMemo<ChatSend>(() => mockSend(mock), [mock]);
  const chat = useChat({ ...options, send: send ?? mockTransport });
  const sent = useRef(false);
  useEffect(() => {
    if (!prompt || sent.current) return;
    sent.current = true;
    chat.send(prompt);
  }, [chat, prompt]);
  return chat;
}

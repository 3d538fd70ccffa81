/**
 * `<ChatWindow>`: the drop-in chat UI, built from the chat parts exactly as a custom layout would
 * be. The window re-renders only when messages come or go or the status changes; streamed text
 * reaches the streaming message alone.
 */
import { forwardRef } from 'react';
import type { AttachmentOptions } from './attachments';
import { ChatJumpToLatest, ChatMessages } from './chat-messages';
import { ChatRoot, type ChatRootProps } from './chat-root';
import { ChatComposer } from './composer';

export interface ChatWindowOwnProps {
  /** Composer text, controlled. */
  input?: string;
  /** Composer text to start with, uncontrolled. */
  defaultInput?: string;
  onInputChange?: (value: string) => void;
  /** Focus the composer on mount. */
  autoFocus?: boolean;
  /**
   * Let the user attach files (button, drag and drop, paste): `true` for the defaults (any type,
   * 10 MB, sent inline as `data:` URLs), or `{ accept, maxFileSize, maxFiles, upload }`.
   */
  attachments?: boolean | AttachmentOptions;
}

/** `useChat` options (`api`, `send`, …), `<Chat.Root>`'s (`chat`, `labels`, `tools`, `markdown`, …) and the composer's. */
export interface ChatWindowProps
  extends Omit<ChatRootProps, 'children' | keyof ChatWindowOwnProps>,
    ChatWindowOwnProps {}

/**
 * A complete chat UI for a streaming endpoint.
 *
 * @example
 * <ChatWindow api="/api/chat" />
 * // or share state with your own layout:
 * const chat = useChat({ api: '/api/chat' });
 * <ChatWindow chat={chat} labels={{ placeholder: 'Ask anything' }} />
 */
export const ChatWindow = forwardRef<HTMLDivElement, ChatWindowProps>(function ChatWindow(
  { input, defaultInput, onInputChange, autoFocus, attachments, ...rootProps },
  ref,
) {
  return (
    <ChatRoot ref={ref} {...rootProps}>
      <ChatMessages />
      <ChatJumpToLatest />
      <ChatComposer
        value={input}
        defaultValue={defaultInput}
        onValueChange={onInputChange}
        autoFocus={autoFocus}
        attachments={attachments}
      />
    </ChatRoot>
  );
});

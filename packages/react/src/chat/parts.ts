/**
 * The chat parts, one namespace in the style of Radix: each renders one element, spreads your
 * props on it, composes your handlers with its own and marks its state in `data-state`.
 *
 * @example
 * <Chat.Root api="/api/chat">
 *   <header>Support</header>
 *   <Chat.Messages />
 *   <Chat.JumpToLatest />
 *   <Chat.Composer attachments />
 * </Chat.Root>
 */
import { ChatMessageItem } from './chat-message';
import { ChatJumpToLatest, ChatMessages } from './chat-messages';
import { ChatRoot } from './chat-root';
import { ChatComposer, ChatStopButton } from './composer';
import { ChatActions, ChatBranchSwitcher, ChatEditForm } from './message-actions';
import { ChatFiles, ChatMessageContent, ChatReasoning, ChatSources, ChatToolCall } from './message-content';

export const Chat = {
  Root: ChatRoot,
  Messages: ChatMessages,
  Message: ChatMessageItem,
  MessageContent: ChatMessageContent,
  Reasoning: ChatReasoning,
  ToolCall: ChatToolCall,
  Sources: ChatSources,
  Files: ChatFiles,
  Actions: ChatActions,
  BranchSwitcher: ChatBranchSwitcher,
  EditForm: ChatEditForm,
  Composer: ChatComposer,
  StopButton: ChatStopButton,
  JumpToLatest: ChatJumpToLatest,
} as const;

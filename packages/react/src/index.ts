export type { ChatWindowOwnProps, ChatWindowProps } from './chat/ChatWindow';
export { ChatWindow } from './chat/ChatWindow';
export type { ChatWindowLabels } from './chat/labels';
export type { MarkdownLabels } from './markdown/context';
export type { CodeThemeNames, HighlightingOptions } from './markdown/highlight-config';
export { configureHighlighting } from './markdown/highlight-config';
export type { MarkdownComponentExtraProps, MarkdownComponents, MarkdownProps } from './markdown/Markdown';
export { Markdown } from './markdown/Markdown';
export type { StopButtonProps } from './StopButton';
export { StopButton } from './StopButton';
export type { TypingCursorProps } from './TypingCursor';
export { TypingCursor } from './TypingCursor';
export type {
  ChatBranch,
  ChatFeedback,
  ChatMessage,
  ChatMessageInit,
  ChatMessageInput,
  ChatRequestOptions,
  ChatRole,
  ChatSend,
  ChatSendOptions,
  ChatToolCall,
  ChatToolCallContext,
  ChatToolResult,
  FilePart,
  FromUIMessageOptions,
  MessagePart,
  ReasoningPart,
  SourcePart,
  TextPart,
  ToolCallPart,
  ToolCallPartState,
  UIMessageLike,
  UIMessagePartLike,
  UseChatOptions,
  UseChatResult,
} from './use-chat';
export { fromUIMessage, getMessageText, useChat } from './use-chat';
export type {
  StreamStarter,
  StreamState,
  StreamStatus,
  ToolCallState,
  UseStreamOptions,
  UseStreamResult,
} from './use-stream';
export { useStream } from './use-stream';

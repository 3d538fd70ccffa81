export type { AttachmentFile, AttachmentOptions, AttachmentUpload } from './chat/attachments';
export type { ChatMessageProps } from './chat/chat-message';
export type { ChatJumpToLatestProps, ChatMessagesProps } from './chat/chat-messages';
export type { ChatRootOwnProps, ChatRootProps } from './chat/chat-root';
export type { ChatWindowOwnProps, ChatWindowProps } from './chat/chat-window';
export { ChatWindow } from './chat/chat-window';
export type { ChatComposerProps, ChatStopButtonProps } from './chat/composer';
export type { ChatMarkdownProps, ChatToolRenderer } from './chat/context';
export { useChatMessage } from './chat/context';
export type { ChatWindowLabels } from './chat/labels';
export type { ChatActionsProps, ChatBranchSwitcherProps, ChatEditFormProps } from './chat/message-actions';
export type {
  ChatFilesProps,
  ChatMessageContentProps,
  ChatReasoningProps,
  ChatSourcesProps,
  ChatToolCallProps,
} from './chat/message-content';
export { Chat } from './chat/parts';
export type { StickToBottomOptions } from './chat/stick-to-bottom';
export type { UseStickToBottomResult } from './chat/use-stick-to-bottom';
export { useStickToBottom } from './chat/use-stick-to-bottom';
export type { MarkdownLabels } from './markdown/context';
export type { CodeThemeNames, HighlightingOptions } from './markdown/highlight-config';
export { configureHighlighting } from './markdown/highlight-config';
export type { MarkdownText } from './markdown/incremental-blocks';
export type { MarkdownComponentExtraProps, MarkdownComponents, MarkdownProps } from './markdown/markdown';
export { Markdown } from './markdown/markdown';
export type { StopButtonProps } from './stop-button';
export { StopButton } from './stop-button';
export type { TypingCursorProps } from './typing-cursor';
export { TypingCursor } from './typing-cursor';
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
export { fromUIMessage, getMessageText, growingTextOf, useChat } from './use-chat';
export type {
  GrowingText,
  StreamStarter,
  StreamState,
  StreamStatus,
  ToolCallState,
  UseStreamOptions,
  UseStreamResult,
} from './use-stream';
export { useStream } from './use-stream';

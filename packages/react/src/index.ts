export type { AttachmentFile, AttachmentOptions, AttachmentUpload } from './chat/attachments';
export type { ChatMessageProps } from './chat/ChatMessageItem';
export type { ChatJumpToLatestProps, ChatMessagesProps } from './chat/ChatMessages';
export type { ChatRootOwnProps, ChatRootProps } from './chat/ChatRoot';
export type { ChatWindowOwnProps, ChatWindowProps } from './chat/ChatWindow';
export { ChatWindow } from './chat/ChatWindow';
export type { ChatComposerProps, ChatStopButtonProps } from './chat/Composer';
export type { ChatMarkdownProps, ChatToolRenderer } from './chat/context';
export { useChatMessage } from './chat/context';
export type { ChatWindowLabels } from './chat/labels';
export type { ChatActionsProps, ChatBranchSwitcherProps, ChatEditFormProps } from './chat/MessageActions';
export type {
  ChatFilesProps,
  ChatMessageContentProps,
  ChatReasoningProps,
  ChatSourcesProps,
  ChatToolCallProps,
} from './chat/MessageContent';
export { Chat } from './chat/parts';
export type { StickToBottomOptions } from './chat/stick-to-bottom';
export type { UseStickToBottomResult } from './chat/use-stick-to-bottom';
export { useStickToBottom } from './chat/use-stick-to-bottom';
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

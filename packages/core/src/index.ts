export type { DeltaBuffer, DeltaBufferOptions } from './buffer/delta-buffer';
export { createDeltaBuffer } from './buffer/delta-buffer';
export type { Schedule } from './buffer/frame-gate';
export { defaultSchedule } from './buffer/frame-gate';
export { GrowingText, isGrowingText } from './buffer/growing-text';
export { createChat } from './chat/chat';
export type {
  Chat,
  ChatBranch,
  ChatChange,
  ChatFeedback,
  ChatMessage,
  ChatMessageInit,
  ChatMessageInput,
  ChatOptions,
  ChatRequestOptions,
  ChatRole,
  ChatSend,
  ChatSendOptions,
  ChatSnapshot,
  ChatStructure,
  ChatToolCall,
  ChatToolCallContext,
  ChatToolResult,
} from './chat/types';
export { createStreamController } from './controller/stream-controller';
export type {
  ResumeContext,
  ResumeOption,
  ResumeOptions,
  ResumeSource,
  StreamController,
  StreamControllerOptions,
  StreamStarter,
  StreamStartOptions,
  StreamState,
  StreamStatus,
  ToolCallState,
} from './controller/types';
export type { BlockSplit, BlockSplitter, SplitOptions } from './markdown/blocks';
export { createBlockSplitter, splitBlocks } from './markdown/blocks';
export type { ChildKind, ChildSplit, ChildSplitter, ItemContent } from './markdown/child-blocks';
export { createChildSplitter, splitChildren } from './markdown/child-blocks';
export { normalizeMath } from './markdown/math';
export type { RepairOptions } from './markdown/repair';
export { repairMarkdown } from './markdown/repair';
export type { FromUIMessageOptions, UIMessageLike, UIMessagePartLike } from './message/from-ui-message';
export { fromUIMessage } from './message/from-ui-message';
export { growingTextOf } from './message/growing-parts';
export { getMessageText } from './message/message-text';
export type {
  FilePart,
  MessagePart,
  ReasoningPart,
  SourcePart,
  TextPart,
  ToolCallPart,
  ToolCallPartState,
} from './message/parts';
export type { StreamErrorCode, StreamErrorOptions } from './stream/errors';
export { isStreamError, StreamError } from './stream/errors';
export { readStream } from './stream/read-stream';
export type {
  BuiltInFormat,
  FormatAdapter,
  RawEvent,
  ReadStreamOptions,
  StreamEvent,
  StreamEventIterable,
  StreamFormat,
  StreamSource,
  StreamUsage,
} from './stream/types';

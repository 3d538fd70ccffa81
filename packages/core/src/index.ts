export type { DeltaBuffer, DeltaBufferOptions, Schedule } from './buffer/delta-buffer';
export { createDeltaBuffer, defaultSchedule } from './buffer/delta-buffer';
export type { BlockSplit, BlockSplitter } from './markdown/blocks';
export { createBlockSplitter, splitBlocks } from './markdown/blocks';
export type { RepairOptions } from './markdown/repair';
export { repairMarkdown } from './markdown/repair';
export type { StreamErrorCode, StreamErrorOptions } from './stream/errors';
export { isStreamError, StreamError } from './stream/errors';
export { readStream } from './stream/read-stream';
export type {
  BuiltInFormat,
  FormatAdapter,
  RawEvent,
  ReadStreamOptions,
  StreamEvent,
  StreamFormat,
  StreamSource,
  StreamUsage,
} from './stream/types';

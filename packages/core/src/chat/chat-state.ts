/**
 * The chat's state pieces: the frozen snapshot and structure it publishes, and the run an answer
 * streams in (which message it writes, the earlier steps it continues, the request's own extras).
 */
import type { StreamStatus } from '../controller/types';
import type { MessagePart } from '../message/parts';
import type { StreamError } from '../stream/errors';
import type { AnswerBase } from './answer-message';
import type { ChatMessage, ChatRequestOptions, ChatSnapshot, ChatStructure } from './types';

export const DEFAULT_MAX_STEPS = 5;

export function isBusy(status: StreamStatus): boolean {
  return status === 'connecting' || status === 'streaming';
}

export function snapshotOf(
  messages: ChatMessage[],
  status: StreamStatus,
  error: StreamError | undefined,
  reconnecting: boolean,
): ChatSnapshot {
  return Object.freeze({ messages, status, error, reconnecting });
}

export function structureOf(
  messages: ChatMessage[],
  status: StreamStatus,
  error: StreamError | undefined,
  reconnecting: boolean,
): ChatStructure {
  return Object.freeze({ ids: Object.freeze(messages.map((m) => m.id)) as string[], status, error, reconnecting });
}

/** The answer the stream controller is writing into. */
export interface AnswerRun {
  id: string;
  /** A retry still showing the failed answer until the new one says something. */
  replacing: boolean;
  /** Earlier steps of an answer that continues after tool results. */
  base: AnswerBase | undefined;
  /** The request's own headers and body: kept for its continuations and resumes. */
  extras: ChatRequestOptions;
  /** Requests this answer has taken, this one included. */
  step: number;
}

export function emptyAnswer(id: string): ChatMessage {
  return Object.freeze({
    id,
    role: 'assistant',
    parts: Object.freeze([]) as unknown as MessagePart[],
    content: '',
    status: 'connecting',
  });
}

/**
 * Chat: the conversation, one answer streaming at a time through a stream controller.
 * Framework-free. Invariants: only the streaming message's object is replaced while it streams
 * (finished messages keep their identity); per-message listeners hear only about their own message;
 * list listeners hear `'structure'` when messages are added or removed or the status changes and
 * `'content'` for streamed updates; a stopped or failed answer keeps every character it received.
 */
import { createStreamController } from '../controller/stream-controller';
import type { StreamControllerOptions, StreamStatus } from '../controller/types';
import type { StreamError } from '../stream/errors';
import {
  answerMessage,
  createIdGenerator,
  hasContent,
  initialMessagesOf,
  placeholderMessage,
  sameMessage,
} from './answer-message';
import { defaultResume, history, missingTransportMessage, requestAnswer } from './request';
import type { Chat, ChatChange, ChatMessage, ChatOptions, ChatSnapshot, ChatStructure } from './types';

function isBusy(status: StreamStatus): boolean {
  return status === 'connecting' || status === 'streaming';
}

function snapshotOf(
  messages: ChatMessage[],
  status: StreamStatus,
  error: StreamError | undefined,
  reconnecting: boolean,
): ChatSnapshot {
  return Object.freeze({ messages, status, error, reconnecting });
}

function structureOf(
  messages: ChatMessage[],
  status: StreamStatus,
  error: StreamError | undefined,
  reconnecting: boolean,
): ChatStructure {
  return Object.freeze({ ids: Object.freeze(messages.map((m) => m.id)) as string[], status, error, reconnecting });
}

/**
 * Create a chat.
 *
 * @example
 * const chat = createChat({ api: '/api/chat' });
 * chat.subscribe(() => render(chat.getSnapshot()));
 * chat.send('Hello');
 */
export function createChat(initialOptions: ChatOptions): Chat {
  if (!initialOptions.api && !initialOptions.send) throw new Error(missingTransportMessage);
  let options = initialOptions;
  const getOptions = () => options;
  const newId = createIdGenerator();

  let messages = Object.freeze(initialMessagesOf(initialOptions.initialMessages)) as ChatMessage[];
  let byId = new Map(messages.map((m) => [m.id, m]));
  let status: StreamStatus = 'idle';
  let error: StreamError | undefined;
  let reconnecting = false;
  let snapshot = snapshotOf(messages, status, error, reconnecting);
  let structure = structureOf(messages, status, error, reconnecting);

  /** The answer the stream controller is writing into. `replacing`: a retry still showing the old text. */
  let answer: { id: string; replacing: boolean } | undefined;

  const listeners = new Set<(change: ChatChange) => void>();
  const messageListeners = new Map<string, Set<() => void>>();

  function commit(nextMessages: ChatMessage[], changedIds: Iterable<string>, isStructural: boolean): void {
    messages = Object.freeze(nextMessages) as ChatMessage[];
    snapshot = snapshotOf(messages, status, error, reconnecting);
    if (isStructural) {
      byId = new Map(messages.map((m) => [m.id, m]));
      structure = structureOf(messages, status, error, reconnecting);
    }
    for (const id of changedIds) for (const listener of [...(messageListeners.get(id) ?? [])]) listener();
    for (const listener of [...listeners]) listener(isStructural ? 'structure' : 'content');
  }

  function controllerOptionsOf(chatOptions: ChatOptions): StreamControllerOptions {
    return {
      format: chatOptions.format ?? 'auto',
      maxFps: chatOptions.maxFps,
      smoothing: chatOptions.smoothing,
      idleTimeoutMs: chatOptions.idleTimeoutMs,
      resume: chatOptions.resume,
      onDone() {
        const message = answer && byId.get(answer.id);
        if (message) options.onFinish?.(message);
      },
      onError(streamError) {
        const message = answer && byId.get(answer.id);
        if (message) options.onError?.(streamError, message);
      },
    };
  }

  const controller = createStreamController(controllerOptionsOf(options));

  controller.subscribe(() => {
    const current = answer;
    if (current === undefined) return;
    const previous = byId.get(current.id);
    if (previous === undefined) return;
    const stream = controller.getSnapshot();
    let next: ChatMessage;
    if (current.replacing && !hasContent(stream) && stream.status !== 'done') {
      next = placeholderMessage(previous, stream);
    } else {
      current.replacing = false;
      next = answerMessage(current.id, stream);
    }
    if (sameMessage(previous, next)) return;
    const isStructural = stream.status !== status || stream.error !== error || stream.reconnecting !== reconnecting;
    status = stream.status;
    error = stream.error;
    reconnecting = stream.reconnecting;
    const index = messages.indexOf(previous);
    const nextMessages = messages.slice();
    nextMessages[index] = next;
    byId.set(current.id, next);
    commit(nextMessages, [current.id], isStructural);
  });

  /** Append `placeholder` after `kept` and stream the answer to `kept` into it. */
  function startAnswer(kept: ChatMessage[], placeholder: ChatMessage, replacing: boolean): void {
    if (!options.send && !options.api) throw new Error(missingTransportMessage);
    controller.stop();
    answer = { id: placeholder.id, replacing };
    status = 'connecting';
    error = undefined;
    reconnecting = false;
    commit([...kept, placeholder], [placeholder.id], true);
    const conversation = history(kept);
    controller.start((signal) => requestAnswer(getOptions(), conversation, signal), {
      resume: defaultResume(getOptions, conversation),
    });
  }

  return {
    getSnapshot: () => snapshot,
    getStructure: () => structure,
    getMessage: (id) => byId.get(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    subscribeMessage(id, listener) {
      let set = messageListeners.get(id);
      if (set === undefined) {
        set = new Set();
        messageListeners.set(id, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) messageListeners.delete(id);
      };
    },
    setOptions(next) {
      options = next;
      controller.setOptions(controllerOptionsOf(next));
    },
    send(text) {
      if (text.trim() === '') return;
      // Stop first, so the running answer is marked aborted before the new turn is added.
      controller.stop();
      const user: ChatMessage = Object.freeze({ id: newId(), role: 'user', content: text });
      const placeholder: ChatMessage = Object.freeze({
        id: newId(),
        role: 'assistant',
        content: '',
        status: 'connecting',
      });
      startAnswer([...messages, user], placeholder, false);
    },
    stop() {
      controller.stop();
    },
    retry() {
      controller.stop();
      let lastUser = -1;
      for (let i = messages.length - 1; i >= 0 && lastUser < 0; i--) if (messages[i]?.role === 'user') lastUser = i;
      if (lastUser < 0) return;
      // The failed answer stays visible in the new answer's place until the first new content arrives.
      const failed = messages.slice(lastUser + 1).find((m) => m.role === 'assistant');
      const placeholder: ChatMessage = { id: newId(), role: 'assistant', content: failed?.content ?? '' };
      if (failed?.reasoning) placeholder.reasoning = failed.reasoning;
      if (failed?.toolCalls) placeholder.toolCalls = failed.toolCalls;
      placeholder.status = 'connecting';
      startAnswer(messages.slice(0, lastUser + 1), Object.freeze(placeholder), failed !== undefined);
    },
    setMessages(next) {
      const value = typeof next === 'function' ? next(messages) : next;
      if (answer && isBusy(status) && !value.some((m) => m.id === answer?.id)) {
        answer = undefined;
        controller.stop();
        status = 'aborted';
        reconnecting = false;
      }
      const changed = value.filter((m) => byId.get(m.id) !== m).map((m) => m.id);
      commit([...value], changed, true);
    },
  };
}

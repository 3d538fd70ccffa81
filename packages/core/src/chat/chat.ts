/**
 * Chat: the conversation, one answer streaming at a time through a stream controller, with its
 * turns' alternatives (edit, regenerate) and client-side tools that continue an answer.
 * Framework-free. Invariants: only the streaming message's object is replaced while it streams
 * (finished messages keep their identity); per-message listeners hear only about their own message;
 * list listeners hear `'structure'` when messages are added or removed or the status changes and
 * `'content'` for streamed updates; a stopped or failed answer keeps every part it received.
 */
import { createStreamController } from '../controller/stream-controller';
import type { StreamControllerOptions, StreamStatus } from '../controller/types';
import { getMessageText } from '../message/message-text';
import type { MessagePart } from '../message/parts';
import type { StreamError } from '../stream/errors';
import {
  type AnswerBase,
  answerMessage,
  createIdGenerator,
  hasContent,
  initialMessagesOf,
  placeholderMessage,
  sameMessage,
} from './answer-message';
import { Branches } from './branches';
import { type AnswerRun, DEFAULT_MAX_STEPS, emptyAnswer, isBusy, snapshotOf, structureOf } from './chat-state';
import { toChatMessage } from './message-input';
import { defaultResume, history, missingTransportMessage, requestAnswer } from './request';
import { awaitingCalls, hasEveryResult, runToolCalls, withToolResult } from './tool-results';
import type { Chat, ChatChange, ChatMessage, ChatOptions, ChatRequestOptions, ChatToolResult } from './types';

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
  const branches = new Branches();

  let messages = Object.freeze(initialMessagesOf(initialOptions.initialMessages)) as ChatMessage[];
  let byId = new Map(messages.map((m) => [m.id, m]));
  let status: StreamStatus = 'idle';
  let error: StreamError | undefined;
  let reconnecting = false;
  let snapshot = snapshotOf(messages, status, error, reconnecting);
  let structure = structureOf(messages, status, error, reconnecting);

  let answer: AnswerRun | undefined;
  /** The last run of each answer, for its continuation after tool results. */
  const runs = new Map<string, AnswerRun>();
  /** Tools `onToolCall` is running for the latest answer. */
  let tools: AbortController | undefined;

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
    if (isStructural || !isBusy(status)) options.onMessagesChange?.(messages);
  }

  /** Replaces the conversation, telling every message whose object changed. */
  function replaceAll(nextMessages: ChatMessage[]): void {
    const changed = nextMessages.filter((m) => byId.get(m.id) !== m).map((m) => m.id);
    commit(nextMessages, changed, true);
  }

  /** Replaces one finished message (a tool result, feedback). */
  function replaceOne(next: ChatMessage): void {
    const index = messages.findIndex((m) => m.id === next.id);
    if (index < 0) return;
    const nextMessages = messages.slice();
    nextMessages[index] = next;
    byId.set(next.id, next);
    commit(nextMessages, [next.id], false);
  }

  function controllerOptionsOf(chatOptions: ChatOptions): StreamControllerOptions {
    return {
      format: chatOptions.format ?? 'auto',
      maxFps: chatOptions.maxFps,
      smoothing: chatOptions.smoothing,
      idleTimeoutMs: chatOptions.idleTimeoutMs,
      resume: chatOptions.resume,
      onDone() {
        const run = answer;
        const message = run && byId.get(run.id);
        if (run && message) answered(run, message);
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
      next = answerMessage(current.id, stream, current.base);
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

  /** Stops the running answer and the tools running for it. */
  function stopAll(): void {
    controller.stop();
    tools?.abort();
    tools = undefined;
  }

  /** Shows `shown` (ending with the answer `run` writes into) and streams the answer to `conversation`. */
  function startAnswer(shown: ChatMessage[], run: AnswerRun, conversation: ChatMessage[]): void {
    if (!options.send && !options.api) throw new Error(missingTransportMessage);
    stopAll();
    answer = run;
    runs.set(run.id, run);
    status = 'connecting';
    error = undefined;
    reconnecting = false;
    replaceAll(shown);
    const { extras } = run;
    controller.start((signal) => requestAnswer(getOptions(), conversation, signal, extras), {
      resume: defaultResume(getOptions, conversation, extras),
    });
  }

  /** A new answer after `kept`, which ends with the user message it answers. */
  function answerAfter(kept: ChatMessage[], extras: ChatRequestOptions = {}): void {
    const placeholder = emptyAnswer(newId());
    startAnswer(
      [...kept, placeholder],
      { id: placeholder.id, replacing: false, base: undefined, extras, step: 1 },
      history(kept),
    );
  }

  /** An answer ended normally: run the tools it calls, or report it finished. */
  function answered(run: AnswerRun, message: ChatMessage): void {
    const calls = awaitingCalls(message);
    const onToolCall = options.onToolCall;
    if (calls.length === 0 || onToolCall === undefined) {
      options.onFinish?.(message);
      return;
    }
    const batch = new AbortController();
    tools = batch;
    void runToolCalls(calls, message, onToolCall, batch.signal, setToolResult).then(() => {
      if (batch.signal.aborted) return;
      tools = undefined;
      if (!continueAfterTools(run.id)) {
        const latest = byId.get(run.id);
        if (latest) options.onFinish?.(latest);
      }
    });
  }

  /** Records a tool result on the answer holding the call; false when no answer awaits it. */
  function setToolResult(result: ChatToolResult): string | undefined {
    for (let i = messages.length - 1; i >= 0; i--) {
      const message = messages[i] as ChatMessage;
      if (message.role !== 'assistant') continue;
      const next = withToolResult(message, result);
      if (next === undefined) continue;
      replaceOne(next);
      return next.id;
    }
    return undefined;
  }

  /** Continues answer `id` when it is the last message and every call has a result; true when it did. */
  function continueAfterTools(id: string): boolean {
    const message = byId.get(id);
    if (message === undefined || messages.at(-1) !== message) return false;
    // A restored answer (initialMessages, setMessages) has no run yet: it continues as a first step would.
    const run = runs.get(id) ?? { id, replacing: false, base: undefined, extras: {}, step: 1 };
    const isFinished = message.status === undefined || message.status === 'done';
    if (!isFinished || !hasEveryResult(message)) return false;
    if (run.step >= (options.maxSteps ?? DEFAULT_MAX_STEPS)) return false;
    const base: AnswerBase = { parts: message.parts, usage: message.usage };
    const next: AnswerRun = { id, replacing: false, base, extras: run.extras, step: run.step + 1 };
    const { error: _error, finishReason: _finishReason, ...rest } = message;
    const continuing = Object.freeze({ ...rest, status: 'connecting' }) as ChatMessage;
    const conversation = history(messages);
    startAnswer([...messages.slice(0, -1), continuing], next, conversation);
    return true;
  }

  /** Index of the user message that starts the turn holding message `id`, or -1. */
  function turnStart(id: string): number {
    let index = messages.findIndex((m) => m.id === id);
    while (index >= 0 && messages[index]?.role !== 'user') index -= 1;
    return index;
  }

  /** The status and error the conversation shows after a switch: its last answer's. */
  function settleStatus(shown: ChatMessage[]): void {
    let last: ChatMessage | undefined;
    for (const message of shown) if (message.role === 'assistant') last = message;
    status = last?.status ?? 'idle';
    error = last?.error;
    reconnecting = false;
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
    send(text, sendOptions = {}) {
      const files = sendOptions.files ?? [];
      if (text.trim() === '' && files.length === 0) return;
      // Stop first, so the running answer is marked aborted before the new turn is added.
      stopAll();
      const parts: MessagePart[] = text === '' ? [] : [{ type: 'text', text }];
      for (const file of files) parts.push({ type: 'file', ...file });
      const user: ChatMessage = { id: newId(), role: 'user', parts, content: text };
      if (sendOptions.metadata) user.metadata = sendOptions.metadata;
      const { headers, body } = sendOptions;
      answerAfter([...messages, toChatMessage(user)], { headers, body });
    },
    stop() {
      stopAll();
    },
    retry() {
      stopAll();
      let lastUser = -1;
      for (let i = messages.length - 1; i >= 0 && lastUser < 0; i--) if (messages[i]?.role === 'user') lastUser = i;
      if (lastUser < 0) return;
      // The failed answer stays visible in the new answer's place until the first new content arrives.
      const failed = messages.slice(lastUser + 1).find((m) => m.role === 'assistant');
      const kept = messages.slice(0, lastUser + 1);
      const failedRun = failed && runs.get(failed.id);
      if (failed && failedRun?.base && messages.at(-1) === failed) {
        // A continuation after tool results failed: ask again for that step only; earlier steps stay.
        const base: AnswerBase = { parts: failedRun.base.parts, usage: failedRun.base.usage };
        const earlier = toChatMessage({ id: failed.id, role: 'assistant', parts: [...base.parts], status: 'done' });
        const placeholder = toChatMessage({
          id: failed.id,
          role: 'assistant',
          parts: failed.parts,
          status: 'connecting',
        });
        const run: AnswerRun = { ...failedRun, replacing: true, base };
        startAnswer([...kept, placeholder], run, history([...kept, earlier]));
        return;
      }
      const id = newId();
      const placeholder = failed
        ? toChatMessage({ id, role: 'assistant', parts: failed.parts, status: 'connecting' })
        : emptyAnswer(id);
      const extras = (failed && runs.get(failed.id)?.extras) ?? {};
      startAnswer(
        [...kept, placeholder],
        { id, replacing: failed !== undefined, base: undefined, extras, step: 1 },
        history(kept),
      );
    },
    regenerate(extras) {
      stopAll();
      const start = turnStart(messages.at(-1)?.id ?? '');
      if (start < 0) return;
      const user = messages[start] as ChatMessage;
      const head = branches.add(messages.slice(start), user);
      answerAfter([...messages.slice(0, start), head], extras);
    },
    edit(messageId, text, extras) {
      const index = messages.findIndex((m) => m.id === messageId && m.role === 'user');
      if (index < 0 || text.trim() === '') return;
      stopAll();
      const old = messages[index] as ChatMessage;
      const parts: MessagePart[] = [{ type: 'text', text }, ...old.parts.filter((p) => p.type !== 'text')];
      const edited: ChatMessage = { id: newId(), role: 'user', parts, content: text };
      if (old.metadata) edited.metadata = old.metadata;
      const head = branches.add(messages.slice(index), toChatMessage(edited));
      answerAfter([...messages.slice(0, index), head], extras);
    },
    getBranches(messageId) {
      const start = turnStart(messageId);
      return start < 0 ? undefined : branches.info((messages[start] as ChatMessage).id);
    },
    selectBranch(messageId, index) {
      const start = turnStart(messageId);
      if (start < 0) return;
      const current = messages[start] as ChatMessage;
      if (current.branch?.index === index) return;
      stopAll();
      const alternative = branches.select(messages.slice(start), index);
      if (alternative === undefined) return;
      const shown = [...messages.slice(0, start), ...alternative];
      settleStatus(shown);
      replaceAll(shown);
    },
    addToolResult(result) {
      const id = setToolResult(result);
      // While `onToolCall` runs other calls, the batch continues the answer when it ends.
      if (id !== undefined && tools === undefined) continueAfterTools(id);
    },
    setFeedback(messageId, value) {
      const message = byId.get(messageId);
      if (message === undefined) return;
      const { feedback: _feedback, ...rest } = message;
      const next = Object.freeze(value === undefined ? rest : { ...rest, feedback: value }) as ChatMessage;
      replaceOne(next);
      options.onFeedback?.({ message: next, value });
    },
    async copy(messageId) {
      const message = byId.get(messageId);
      if (message === undefined) throw new Error(`[rivulet] chat.copy: no message with id "${messageId}"`);
      const clipboard = (globalThis as { navigator?: { clipboard?: { writeText(text: string): Promise<void> } } })
        .navigator?.clipboard;
      if (!clipboard) throw new Error('[rivulet] chat.copy: the Clipboard API (navigator.clipboard) is not available');
      await clipboard.writeText(getMessageText(message));
    },
    setMessages(next) {
      const value = (typeof next === 'function' ? next(messages) : next).map((m) =>
        byId.get(m.id) === m ? (m as ChatMessage) : toChatMessage(m),
      );
      if (answer && isBusy(status) && !value.some((m) => m.id === answer?.id)) {
        answer = undefined;
        controller.stop();
        status = 'aborted';
        reconnecting = false;
      }
      replaceAll(value);
    },
  };
}

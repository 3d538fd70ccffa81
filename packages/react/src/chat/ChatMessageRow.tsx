/**
 * One message of `<ChatWindow>`. Each row subscribes to its own message in the store, so while an
 * answer streams only that answer's row renders; finished rows stay untouched.
 */
import type { Chat, ChatMessage } from '@rivulet/core';
import { memo, useCallback, useSyncExternalStore } from 'react';
import { Markdown } from '../markdown/Markdown';
import { CopyButton } from './CopyButton';
import { type ChatWindowLabels, classes } from './labels';

export interface ChatMessageRowProps {
  store: Chat;
  id: string;
  labels: ChatWindowLabels;
  unstyled: boolean | undefined;
  showUsage: boolean | undefined;
  /** Render math in the answer (see `ChatWindowProps.math`); default `true`. */
  math?: boolean | undefined;
  /** The last message of the log: only it offers Retry. */
  isLast: boolean;
  onRetry: () => void;
}

function authorName(message: ChatMessage, labels: ChatWindowLabels): string {
  if (message.role === 'user') return labels.user;
  if (message.role === 'system') return labels.system;
  return labels.assistant;
}

export const ChatMessageRow = memo(function ChatMessageRow({
  store,
  id,
  labels,
  unstyled,
  showUsage,
  math = true,
  isLast,
  onRetry,
}: ChatMessageRowProps) {
  const subscribe = useCallback((onChange: () => void) => store.subscribeMessage(id, onChange), [store, id]);
  const getMessage = useCallback(() => store.getMessage(id), [store, id]);
  const message = useSyncExternalStore(subscribe, getMessage, getMessage);
  if (message === undefined) return null;

  const { role, content, status, error, usage, toolCalls, reasoning, reconnecting } = message;
  const busy = status === 'connecting' || status === 'streaming';
  const streaming = status === 'streaming';
  const nothingYet = content === '' && !reasoning && !toolCalls;
  const thinking = status === 'connecting' || (busy && nothingYet);
  const finished = status === undefined || status === 'done' || status === 'aborted' || status === 'error';
  const usageText = showUsage && usage ? labels.usage(usage) : '';

  return (
    <div
      className={classes(unstyled, 'rivulet-message', `rivulet-message--${role}`)}
      data-role={role}
      data-status={status}
      data-state={reconnecting ? 'reconnecting' : undefined}
      aria-busy={busy || undefined}
    >
      <div className={classes(unstyled, 'rivulet-message__author')}>{authorName(message, labels)}</div>
      {reasoning ? (
        <details className={classes(unstyled, 'rivulet-message__reasoning')}>
          <summary>{labels.reasoning}</summary>
          <div className={classes(unstyled, 'rivulet-message__reasoning-text')}>{reasoning}</div>
        </details>
      ) : null}
      {role === 'assistant' ? (
        content !== '' ? (
          // Only a completed answer renders exactly as written; a stopped or failed one keeps its tail repaired.
          <Markdown
            streaming={streaming}
            incomplete={status !== undefined && status !== 'done'}
            cursor={streaming}
            math={math}
          >
            {content}
          </Markdown>
        ) : null
      ) : (
        <div className={classes(unstyled, 'rivulet-message__text')}>{content}</div>
      )}
      {toolCalls?.map((call) => (
        <div key={call.id} className={classes(unstyled, 'rivulet-tool-call')} data-tool={call.name}>
          <div className={classes(unstyled, 'rivulet-tool-call__name')}>
            {labels.toolCall} {call.name}
          </div>
          <pre className={classes(unstyled, 'rivulet-tool-call__args')}>
            <code>{call.argsText}</code>
          </pre>
        </div>
      ))}
      {reconnecting ? (
        <div className={classes(unstyled, 'rivulet-message__reconnecting')} data-rivulet-reconnecting="">
          {labels.reconnecting}
        </div>
      ) : null}
      {thinking && !reconnecting ? (
        <div className={classes(unstyled, 'rivulet-message__thinking')} data-rivulet-thinking="">
          {labels.thinking}
        </div>
      ) : null}
      {status === 'error' && error ? (
        <div className={classes(unstyled, 'rivulet-message__error')} data-rivulet-error="">
          <span>
            {labels.errorPrefix} {error.message}
          </span>
          {isLast ? (
            <button type="button" className={classes(unstyled, 'rivulet-message__retry')} onClick={onRetry}>
              {labels.retry}
            </button>
          ) : null}
        </div>
      ) : null}
      {role === 'assistant' && finished && (content !== '' || usageText !== '' || status === 'aborted') ? (
        <div className={classes(unstyled, 'rivulet-message__footer')}>
          {status === 'aborted' ? (
            <span className={classes(unstyled, 'rivulet-message__stopped')} data-rivulet-stopped="">
              {labels.stopped}
            </span>
          ) : null}
          {content !== '' ? (
            <CopyButton text={content} label={labels.copy} copiedLabel={labels.copied} unstyled={unstyled} />
          ) : null}
          {usageText !== '' ? (
            <span className={classes(unstyled, 'rivulet-message__usage')} data-rivulet-usage="">
              {usageText}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});

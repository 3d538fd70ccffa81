/**
 * `<Chat.Message>`: one message of the log. It subscribes to its own message in the store, so
 * while an answer streams only that answer's row renders; finished rows stay untouched. Without
 * children it renders the default row: author, content (or the inline editor), the thinking,
 * reconnecting and error lines, and a footer with the actions and usage.
 */
import {
  forwardRef,
  type HTMLAttributes,
  memo,
  type ReactNode,
  useCallback,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ChatMessage } from '../use-chat';
import { isBusy, MessageContext, type MessageContextValue, useChatContext } from './context';
import { classes } from './labels';
import { ChatActions, ChatEditForm } from './message-actions';
import { ChatMessageContent } from './message-content';

export interface ChatMessageProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The message's id (from `<Chat.Messages>`'s children function). */
  id: string;
  /** Whether it is the last message of the log: only that one offers Retry and Regenerate. */
  isLast?: boolean;
  /** Your content for the message (parts, or a function of the message); default: the standard row. */
  children?: ReactNode | ((message: ChatMessage) => ReactNode);
}

/** One message (`data-role`, `data-status`, `data-state`). Ref: its `<div>`. */
export const ChatMessageItem = forwardRef<HTMLDivElement, ChatMessageProps>(function ChatMessageItem(
  { id, isLast = false, children, className, ...rest },
  ref,
) {
  const { store, unstyled } = useChatContext('Message');
  const subscribe = useCallback((onChange: () => void) => store.subscribeMessage(id, onChange), [store, id]);
  const getMessage = useCallback(() => store.getMessage(id), [store, id]);
  const message = useSyncExternalStore(subscribe, getMessage, getMessage);
  const [editing, setEditing] = useState(false);
  const context = useMemo<MessageContextValue | undefined>(
    () => (message ? { message, isLast, editing, setEditing } : undefined),
    [message, isLast, editing],
  );
  if (!message || !context) return null;
  const { role, status, reconnecting } = message;

  return (
    <MessageContext.Provider value={context}>
      <div
        ref={ref}
        className={classes(unstyled, 'rivulet-message', `rivulet-message--${role}`, className)}
        data-role={role}
        data-status={status}
        data-state={reconnecting ? 'reconnecting' : editing ? 'editing' : undefined}
        aria-busy={isBusy(status) || undefined}
        {...rest}
      >
        {children === undefined ? <DefaultRow /> : typeof children === 'function' ? children(message) : children}
      </div>
    </MessageContext.Provider>
  );
});

/** The standard row of `<ChatWindow>`, memoised on its id so finished rows skip the log's renders. */
export const ChatMessageRow = memo(function ChatMessageRow({ id, isLast }: { id: string; isLast: boolean }) {
  return <ChatMessageItem id={id} isLast={isLast} />;
});

function authorName(role: ChatMessage['role'], labels: ReturnType<typeof useChatContext>['labels']): string {
  if (role === 'user') return labels.user;
  if (role === 'system') return labels.system;
  return labels.assistant;
}

function DefaultRow() {
  const { labels, unstyled, showUsage, chat, scrollToBottom, composerRef } = useChatContext('Message');
  return (
    <MessageContext.Consumer>
      {(context) => {
        if (!context) return null;
        const { message, isLast, editing } = context;
        const { role, status, error, usage, reconnecting, parts, content } = message;
        const busy = isBusy(status);
        const nothingYet = parts.every((part) => (part.type === 'text' ? part.text === '' : false));
        const thinking = status === 'connecting' || (busy && nothingYet);
        const usageText = showUsage && usage ? labels.usage(usage) : '';
        const footer = role === 'assistant' && !busy && (content !== '' || usageText !== '' || status === 'aborted');
        return (
          <>
            <div className={classes(unstyled, 'rivulet-message__author')}>{authorName(role, labels)}</div>
            {editing ? <ChatEditForm /> : <ChatMessageContent />}
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
                  <button
                    type="button"
                    className={classes(unstyled, 'rivulet-message__retry')}
                    onClick={() => {
                      chat.current.retry();
                      scrollToBottom();
                      composerRef.current?.focus();
                    }}
                  >
                    {labels.retry}
                  </button>
                ) : null}
              </div>
            ) : null}
            {role === 'user' && !editing ? <ChatActions /> : null}
            {footer ? (
              <div className={classes(unstyled, 'rivulet-message__footer')}>
                {status === 'aborted' ? (
                  <span className={classes(unstyled, 'rivulet-message__stopped')} data-rivulet-stopped="">
                    {labels.stopped}
                  </span>
                ) : null}
                <ChatActions />
                {usageText !== '' ? (
                  <span className={classes(unstyled, 'rivulet-message__usage')} data-rivulet-usage="">
                    {usageText}
                  </span>
                ) : null}
              </div>
            ) : null}
          </>
        );
      }}
    </MessageContext.Consumer>
  );
}

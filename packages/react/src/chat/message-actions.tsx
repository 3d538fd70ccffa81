/**
 * Conversation actions on a message. `<Chat.Actions>` holds what fits the message: on an answer,
 * copy, regenerate (the last answer, once finished) and feedback toggles; on a user message, edit
 * and the branch switcher ("1/2") when the turn has alternatives. `<Chat.EditForm>` is the inline
 * editor that `Edit` opens (Enter or Save sends, Escape or Cancel closes).
 */
import { type FormEvent, type FormHTMLAttributes, forwardRef, type HTMLAttributes, useState } from 'react';
import { getMessageText } from '../use-chat';
import { composeHandlers, isBusy, useChatContext, useMessageContext } from './context';
import { CopyButton } from './copy-button';
import { classes } from './labels';

/** The feedback toggles, each with its label's key. */
const feedbackButtons = [
  ['positive', 'goodResponse'],
  ['negative', 'badResponse'],
] as const;

export interface ChatActionsProps extends HTMLAttributes<HTMLDivElement> {}

/** The actions of the message around it. Ref: its `<div>`. */
export const ChatActions = forwardRef<HTMLDivElement, ChatActionsProps>(function ChatActions(
  { className, children, ...rest },
  ref,
) {
  const { chat, labels, unstyled, scrollToBottom } = useChatContext('Actions');
  const { message, isLast, editing, setEditing } = useMessageContext('Actions');
  const text = getMessageText(message);
  const finished = !isBusy(message.status);
  const button = (name: string) => classes(unstyled, 'rivulet-message__action', `rivulet-message__${name}`);

  return (
    <div
      ref={ref}
      className={classes(unstyled, 'rivulet-message__actions', className)}
      data-state={finished ? 'idle' : 'busy'}
      {...rest}
    >
      {message.role === 'user' ? (
        <>
          <ChatBranchSwitcher />
          {editing ? null : (
            <button type="button" className={button('edit')} onClick={() => setEditing(true)}>
              {labels.edit}
            </button>
          )}
        </>
      ) : null}
      {message.role === 'assistant' && finished ? (
        <>
          {text !== '' ? (
            <CopyButton text={text} label={labels.copy} copiedLabel={labels.copied} unstyled={unstyled} />
          ) : null}
          {isLast ? (
            <button
              type="button"
              className={button('regenerate')}
              onClick={() => {
                chat.current.regenerate();
                scrollToBottom();
              }}
            >
              {labels.regenerate}
            </button>
          ) : null}
          {text !== ''
            ? feedbackButtons.map(([value, label]) => (
                <button
                  key={value}
                  type="button"
                  className={button('feedback')}
                  aria-pressed={message.feedback === value}
                  data-feedback={value}
                  onClick={() => chat.current.setFeedback(message.id, message.feedback === value ? undefined : value)}
                >
                  {labels[label]}
                </button>
              ))
            : null}
        </>
      ) : null}
      {children}
    </div>
  );
});

export interface ChatBranchSwitcherProps extends HTMLAttributes<HTMLDivElement> {}

/** "1/2" with previous and next buttons, on a message whose turn has alternatives; nothing otherwise. */
export const ChatBranchSwitcher = forwardRef<HTMLDivElement, ChatBranchSwitcherProps>(function ChatBranchSwitcher(
  { className, ...rest },
  ref,
) {
  const { chat, labels, unstyled } = useChatContext('BranchSwitcher');
  const { message } = useMessageContext('BranchSwitcher');
  const branch = message.branch;
  if (!branch || branch.count < 2) return null;
  const go = (index: number) => chat.current.selectBranch(message.id, index);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar-like group of two buttons and a position, not a form fieldset
    <div
      ref={ref}
      role="group"
      aria-label={labels.branches}
      className={classes(unstyled, 'rivulet-branches', className)}
      data-state={`${branch.index + 1}/${branch.count}`}
      {...rest}
    >
      <button
        type="button"
        className={classes(unstyled, 'rivulet-branches__previous')}
        aria-label={labels.previousBranch}
        disabled={branch.index === 0}
        onClick={() => go(branch.index - 1)}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <span className={classes(unstyled, 'rivulet-branches__position')}>
        {labels.branch(branch.index + 1, branch.count)}
      </span>
      <button
        type="button"
        className={classes(unstyled, 'rivulet-branches__next')}
        aria-label={labels.nextBranch}
        disabled={branch.index === branch.count - 1}
        onClick={() => go(branch.index + 1)}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
});

export interface ChatEditFormProps extends FormHTMLAttributes<HTMLFormElement> {}

/**
 * The inline editor of a user message: rendered only while the message is being edited (its Edit
 * action opens it), so a custom row can place it beside `<Chat.MessageContent>`, which steps aside
 * meanwhile. Saving sends the message again.
 */
export const ChatEditForm = forwardRef<HTMLFormElement, ChatEditFormProps>(function ChatEditForm(props, ref) {
  const { editing } = useMessageContext('EditForm');
  // Mounted afresh each time the editor opens, so it starts from the message's current text.
  return editing ? <EditForm ref={ref} {...props} /> : null;
});

const EditForm = forwardRef<HTMLFormElement, ChatEditFormProps>(function EditForm(
  { className, onSubmit, ...rest },
  ref,
) {
  const { chat, labels, unstyled, scrollToBottom } = useChatContext('EditForm');
  const { message, setEditing } = useMessageContext('EditForm');
  const [text, setText] = useState(() => getMessageText(message));

  function save() {
    if (text.trim() === '') return;
    setEditing(false);
    chat.current.edit(message.id, text);
    scrollToBottom();
  }

  return (
    <form
      ref={ref}
      className={classes(unstyled, 'rivulet-edit', className)}
      data-state="editing"
      onSubmit={composeHandlers(onSubmit, (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        save();
      })}
      {...rest}
    >
      <textarea
        className={classes(unstyled, 'rivulet-edit__input')}
        aria-label={labels.editMessage}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            // Closes the editor only: the window's Escape (stop) is not for this key press.
            event.preventDefault();
            event.stopPropagation();
            setEditing(false);
          } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            save();
          }
        }}
      />
      <div className={classes(unstyled, 'rivulet-edit__buttons')}>
        <button type="button" className={classes(unstyled, 'rivulet-edit__cancel')} onClick={() => setEditing(false)}>
          {labels.cancel}
        </button>
        <button type="submit" className={classes(unstyled, 'rivulet-edit__save')} disabled={text.trim() === ''}>
          {labels.save}
        </button>
      </div>
    </form>
  );
});

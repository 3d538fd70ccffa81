/**
 * `<Chat.Composer>`: the message form. A textarea that grows with its content (up to the CSS
 * max-height); Enter sends, Shift+Enter starts a new line, nothing is sent while an IME
 * composition is open; the stop button shows while an answer runs. With `attachments`, files come
 * in through a button, drag and drop or paste, are checked against `accept`, `maxFileSize` and
 * `maxFiles` (a refused file says why), show as previews, and go out as the message's file parts.
 * `<Chat.StopButton>` is the stop button on its own, for layouts that place it elsewhere.
 */
import {
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type FormHTMLAttributes,
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from 'react';
import { StopButton, type StopButtonProps } from '../stop-button';
import { useIsomorphicLayoutEffect } from '../use-latest-ref';
import {
  type Attachment,
  type AttachmentOptions,
  attachmentOptions,
  defaultMaxFiles,
  filesOf,
  refusal,
  storeFile,
} from './attachments';
import { composeHandlers, isBusy, useChatContext, useChatStructure } from './context';
import { classes } from './labels';
import { isPreviewableImage } from './message-content';

export interface ChatComposerProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'children'> {
  /** Composer text, controlled. */
  value?: string;
  /** Composer text to start with, uncontrolled. */
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** Focus the textarea on mount. */
  autoFocus?: boolean;
  /** Let the user attach files: `true` for the defaults, or limits and an `upload` function. */
  attachments?: boolean | AttachmentOptions;
  /** Extra controls, placed before the send button. */
  children?: ReactNode;
}

/** True while the key event belongs to an IME composition (Safari reports only keyCode 229). */
function isComposing(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

let attachmentCount = 0;

/** The message form (`data-state`: `busy` or `idle`; `data-dragging` while files are dragged over it). Ref: its `<form>`. */
export const ChatComposer = forwardRef<HTMLFormElement, ChatComposerProps>(function ChatComposer(
  {
    value,
    defaultValue,
    onValueChange,
    autoFocus,
    attachments: attachmentsProp,
    children,
    className,
    onSubmit,
    onDragOver,
    onDragLeave,
    onDrop,
    ...rest
  },
  ref,
) {
  const { chat, store, labels, unstyled, composerRef, scrollToBottom } = useChatContext('Composer');
  const structure = useChatStructure(store);
  const busy = isBusy(structure.status);
  const options = attachmentOptions(attachmentsProp);
  const [ownValue, setOwnValue] = useState(defaultValue ?? '');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // Reads and uploads still running; aborted when their attachment goes or the composer unmounts.
  const pending = useRef(new Map<string, AbortController>());
  const text = value ?? ownValue;
  const isPending = files.some((file) => file.state === 'pending');
  const canSend = !busy && !isPending && (text.trim() !== '' || files.length > 0);

  useEffect(() => {
    const running = pending.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, []);

  function setText(next: string) {
    if (value === undefined) setOwnValue(next);
    onValueChange?.(next);
  }

  function submit() {
    if (!canSend) return;
    const parts = files.map(({ mediaType, url, name }) => ({ mediaType, url: url as string, filename: name }));
    chat.current.send(text, parts.length > 0 ? { files: parts } : undefined);
    setText('');
    setFiles([]);
    setProblems([]);
    scrollToBottom();
    composerRef.current?.focus();
  }

  function addFiles(list: File[]) {
    if (!options || list.length === 0) return;
    const maxFiles = options.maxFiles ?? defaultMaxFiles;
    const refused: string[] = [];
    const accepted: File[] = [];
    for (const file of list) {
      const reason = refusal(file, options, labels);
      if (reason !== undefined) refused.push(reason);
      else if (files.length + accepted.length >= maxFiles) refused.push(labels.tooManyFiles(maxFiles));
      else accepted.push(file);
    }
    setProblems(refused);
    if (accepted.length === 0) return;
    const added = accepted.map<Attachment>((file) => ({
      id: `attachment-${++attachmentCount}`,
      name: file.name,
      mediaType: file.type || 'application/octet-stream',
      size: file.size,
      state: 'pending',
    }));
    setFiles((current) => [...current, ...added]);
    added.forEach((attachment, index) => {
      const controller = new AbortController();
      pending.current.set(attachment.id, controller);
      storeFile(accepted[index] as File, options, controller.signal).then(
        (stored) => {
          if (controller.signal.aborted) return;
          pending.current.delete(attachment.id);
          setFiles((current) =>
            current.map((file) =>
              file.id === attachment.id
                ? {
                    ...file,
                    state: 'ready',
                    url: stored.url,
                    mediaType: stored.mediaType,
                    name: stored.filename ?? file.name,
                  }
                : file,
            ),
          );
        },
        () => {
          if (controller.signal.aborted) return;
          pending.current.delete(attachment.id);
          setFiles((current) => current.filter((file) => file.id !== attachment.id));
          setProblems((current) => [...current, labels.fileFailed(attachment.name)]);
        },
      );
    });
  }

  function remove(id: string) {
    pending.current.get(id)?.abort();
    pending.current.delete(id);
    setFiles((current) => current.filter((file) => file.id !== id));
    composerRef.current?.focus();
  }

  // Grow with the content; the stylesheet's max-height caps it and scrolls beyond. Browsers with
  // `field-sizing: content` do this in CSS, the measurement covers the rest.
  useIsomorphicLayoutEffect(() => {
    const textarea = composerRef.current;
    if (!textarea || unstyled) return;
    textarea.style.height = 'auto';
    const { borderTopWidth, borderBottomWidth } = getComputedStyle(textarea);
    const borders = (Number.parseFloat(borderTopWidth) || 0) + (Number.parseFloat(borderBottomWidth) || 0);
    textarea.style.height = `${textarea.scrollHeight + borders}px`;
  }, [text, unstyled]);

  const hasFiles = (event: DragEvent) =>
    options !== undefined && Array.from(event.dataTransfer.types).includes('Files');

  return (
    <form
      ref={ref}
      className={classes(unstyled, 'rivulet-composer', className)}
      data-state={busy ? 'busy' : 'idle'}
      data-dragging={dragging || undefined}
      onSubmit={composeHandlers(onSubmit, (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        submit();
      })}
      onDragOver={composeHandlers(onDragOver, (event: DragEvent<HTMLFormElement>) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      })}
      onDragLeave={composeHandlers(onDragLeave, (event: DragEvent<HTMLFormElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      })}
      onDrop={composeHandlers(onDrop, (event: DragEvent<HTMLFormElement>) => {
        setDragging(false);
        if (!options) return;
        event.preventDefault();
        addFiles(filesOf(event.dataTransfer));
      })}
      {...rest}
    >
      {files.length > 0 ? (
        <ul className={classes(unstyled, 'rivulet-composer__attachments')} aria-label={labels.attachments}>
          {files.map((file) => (
            <li
              key={file.id}
              className={classes(unstyled, 'rivulet-composer__attachment')}
              data-state={file.state}
              data-media-type={file.mediaType}
            >
              {file.url !== undefined && file.mediaType.startsWith('image/') && isPreviewableImage(file.url) ? (
                <img className={classes(unstyled, 'rivulet-composer__preview')} src={file.url} alt="" />
              ) : null}
              <span className={classes(unstyled, 'rivulet-composer__file-name')}>{file.name}</span>
              <button
                type="button"
                className={classes(unstyled, 'rivulet-composer__remove')}
                aria-label={labels.removeAttachment(file.name)}
                onClick={() => remove(file.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length > 0 ? (
        <div className={classes(unstyled, 'rivulet-composer__problems')} role="alert">
          {problems.map((problem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
            <div key={index}>{problem}</div>
          ))}
        </div>
      ) : null}
      {options ? (
        <>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept={options.accept}
            data-rivulet-file-input=""
            onChange={(event: ChangeEvent<HTMLInputElement>) => {
              addFiles(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
          <button
            type="button"
            className={classes(unstyled, 'rivulet-composer__attach')}
            aria-label={labels.attach}
            onClick={() => fileInput.current?.click()}
          >
            {unstyled ? labels.attach : <span aria-hidden="true">+</span>}
          </button>
        </>
      ) : null}
      <textarea
        ref={composerRef}
        className={classes(unstyled, 'rivulet-composer__input')}
        aria-label={labels.composer}
        placeholder={labels.placeholder}
        rows={1}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: opt-in by the app, off by default
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onPaste={(event: ClipboardEvent<HTMLTextAreaElement>) => {
          const pasted = options ? filesOf(event.clipboardData) : [];
          if (pasted.length === 0) return;
          event.preventDefault();
          addFiles(pasted);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.shiftKey || isComposing(event)) return;
          event.preventDefault();
          submit();
        }}
      />
      {children}
      <ChatStopButton className={unstyled ? undefined : 'rivulet-composer__stop'} />
      <button type="submit" className={classes(unstyled, 'rivulet-composer__send')} disabled={!canSend}>
        {labels.send}
      </button>
    </form>
  );
});

export interface ChatStopButtonProps extends Omit<StopButtonProps, 'streaming' | 'label' | 'unstyled'> {}

/** Stops the running answer; rendered only while one runs (unless `keepMounted`). Focus returns to the composer. */
export const ChatStopButton = forwardRef<HTMLButtonElement, ChatStopButtonProps>(function ChatStopButton(
  { onStop, ...rest },
  ref,
) {
  const { chat, store, labels, unstyled, composerRef } = useChatContext('StopButton');
  const structure = useChatStructure(store);
  return (
    <StopButton
      ref={ref}
      streaming={isBusy(structure.status)}
      label={labels.stop}
      unstyled={unstyled}
      onStop={() => {
        onStop?.();
        chat.current.stop();
        composerRef.current?.focus();
      }}
      {...rest}
    />
  );
});

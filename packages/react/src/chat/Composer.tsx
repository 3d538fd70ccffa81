/**
 * The composer of `<ChatWindow>`: a textarea that grows with its content (up to the CSS max-height),
 * Enter sends, Shift+Enter starts a new line, and nothing is sent while an IME composition is open.
 * Controlled (`value` + `onValueChange`) or uncontrolled (`defaultValue`).
 */
import { type FormEvent, type KeyboardEvent, type RefObject, useState } from 'react';
import { StopButton } from '../StopButton';
import { useIsomorphicLayoutEffect } from '../use-latest-ref';
import { type ChatWindowLabels, classes } from './labels';

export interface ComposerProps {
  labels: ChatWindowLabels;
  unstyled: boolean | undefined;
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  value: string | undefined;
  defaultValue: string | undefined;
  onValueChange: ((value: string) => void) | undefined;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  autoFocus: boolean | undefined;
}

/** True while the key event belongs to an IME composition (Safari reports only keyCode 229). */
function isComposing(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

export function Composer({
  labels,
  unstyled,
  busy,
  onSend,
  onStop,
  value,
  defaultValue,
  onValueChange,
  textareaRef,
  autoFocus,
}: ComposerProps) {
  const [ownValue, setOwnValue] = useState(defaultValue ?? '');
  const text = value ?? ownValue;
  const canSend = !busy && text.trim() !== '';

  function setText(next: string) {
    if (value === undefined) setOwnValue(next);
    onValueChange?.(next);
  }

  function submit() {
    if (!canSend) return;
    onSend(text);
    setText('');
  }

  // Grow with the content; the stylesheet's max-height caps it and scrolls beyond. Browsers with
  // `field-sizing: content` do this in CSS, the measurement covers the rest.
  useIsomorphicLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea || unstyled) return;
    textarea.style.height = 'auto';
    const { borderTopWidth, borderBottomWidth } = getComputedStyle(textarea);
    const borders = (Number.parseFloat(borderTopWidth) || 0) + (Number.parseFloat(borderBottomWidth) || 0);
    textarea.style.height = `${textarea.scrollHeight + borders}px`;
  }, [text, unstyled]);

  return (
    <form
      className={classes(unstyled, 'rivulet-composer')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={textareaRef}
        className={classes(unstyled, 'rivulet-composer__input')}
        aria-label={labels.composer}
        placeholder={labels.placeholder}
        rows={1}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: opt-in by the app, off by default
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.shiftKey || isComposing(event)) return;
          event.preventDefault();
          submit();
        }}
      />
      {busy ? (
        <StopButton
          onStop={onStop}
          streaming
          label={labels.stop}
          unstyled={unstyled}
          className={unstyled ? undefined : 'rivulet-composer__stop'}
        />
      ) : null}
      <button type="submit" className={classes(unstyled, 'rivulet-composer__send')} disabled={!canSend}>
        {labels.send}
      </button>
    </form>
  );
}

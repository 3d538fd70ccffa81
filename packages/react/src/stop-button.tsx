import { type ButtonHTMLAttributes, forwardRef, type MouseEvent } from 'react';

export interface StopButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> {
  /** Called when the user asks to stop generation (click, Enter or Space). */
  onStop?: () => void;
  /** Whether an answer is streaming. When false the button is not rendered unless `keepMounted`. */
  streaming?: boolean;
  /** Render a disabled button instead of nothing when not streaming. */
  keepMounted?: boolean;
  /** Visible text and accessible name. Default "Stop generating". */
  label?: string;
  /** Render without Rivulet's class names and icon. */
  unstyled?: boolean;
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
}

/**
 * Stops the streaming answer. Accessible name "Stop generating" by default; a native button, so
 * Enter and Space work. The user's `onClick` runs first; calling `preventDefault` skips `onStop`.
 */
export const StopButton = forwardRef<HTMLButtonElement, StopButtonProps>(function StopButton(
  {
    onStop,
    streaming = true,
    keepMounted = false,
    label = 'Stop generating',
    unstyled = false,
    onClick,
    className,
    children,
    ...props
  },
  ref,
) {
  if (!streaming && !keepMounted) return null;
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      disabled={!streaming}
      data-rivulet-stop=""
      data-state={streaming ? 'streaming' : 'idle'}
      className={unstyled ? className : className ? `rivulet-stop ${className}` : 'rivulet-stop'}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) onStop?.();
      }}
      {...props}
    >
      {children ??
        (unstyled ? (
          label
        ) : (
          <>
            <span className="rivulet-stop__icon" aria-hidden="true" />
            <span className="rivulet-stop__label">{label}</span>
          </>
        ))}
    </button>
  );
});

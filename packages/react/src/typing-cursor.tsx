import { forwardRef, type HTMLAttributes } from 'react';

export interface TypingCursorProps extends HTMLAttributes<HTMLSpanElement> {}

/**
 * A blinking caret shown at the end of streaming text. Decorative: hidden from assistive
 * technology, and it stops blinking under `prefers-reduced-motion`.
 */
export const TypingCursor = forwardRef<HTMLSpanElement, TypingCursorProps>(function TypingCursor(
  { className, ...props },
  ref,
) {
  return (
    <span
      ref={ref}
      aria-hidden="true"
      data-rivulet-cursor=""
      className={className ? `rivulet-cursor ${className}` : 'rivulet-cursor'}
      {...props}
    />
  );
});

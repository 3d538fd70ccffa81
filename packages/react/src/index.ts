export type { StopButtonProps } from './StopButton';
export { StopButton } from './StopButton';
export type { TypingCursorProps } from './TypingCursor';
export { TypingCursor } from './TypingCursor';

/** Pins the runtime exports of @rivulet/react so the public API never changes by accident. */
import * as react from '@rivulet/react';
import { expect, it } from 'vitest';

it('exports exactly the public API', () => {
  expect(Object.keys(react).sort()).toEqual([
    'ChatWindow',
    'Markdown',
    'StopButton',
    'TypingCursor',
    'configureHighlighting',
    'fromUIMessage',
    'getMessageText',
    'useChat',
    'useStream',
  ]);
});

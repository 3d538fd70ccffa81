/** Pins the runtime exports of @rivulet/react so the public API never changes by accident. */
import * as react from '@rivulet/react';
import { expect, it } from 'vitest';

it('exports exactly the public API', () => {
  expect(Object.keys(react).sort()).toEqual([
    'Chat',
    'ChatWindow',
    'Markdown',
    'StopButton',
    'TypingCursor',
    'configureHighlighting',
    'fromUIMessage',
    'getMessageText',
    'growingTextOf',
    'useChat',
    'useChatMessage',
    'useStickToBottom',
    'useStream',
  ]);
});

it('exports the chat parts under one namespace', () => {
  expect(Object.keys(react.Chat).sort()).toEqual([
    'Actions',
    'BranchSwitcher',
    'Composer',
    'EditForm',
    'Files',
    'JumpToLatest',
    'Message',
    'MessageContent',
    'Messages',
    'Reasoning',
    'Root',
    'Sources',
    'StopButton',
    'ToolCall',
  ]);
});

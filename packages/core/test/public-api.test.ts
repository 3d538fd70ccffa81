/** Pins the runtime exports of @rivulet/core so the public API never changes by accident. */
import * as core from '@rivulet/core';
import { expect, it } from 'vitest';

it('exports exactly the public API', () => {
  expect(Object.keys(core).sort()).toEqual([
    'StreamError',
    'createBlockSplitter',
    'createChat',
    'createChildSplitter',
    'createDeltaBuffer',
    'createStreamController',
    'defaultSchedule',
    'fromUIMessage',
    'getMessageText',
    'isStreamError',
    'normalizeMath',
    'readStream',
    'repairMarkdown',
    'splitBlocks',
    'splitChildren',
  ]);
});

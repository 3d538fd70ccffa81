/** Pins the runtime exports of @rivulet/core so the public API never changes by accident. */
import * as core from '@rivulet/core';
import * as syntax from '@rivulet/core/syntax';
import { expect, it } from 'vitest';

it('exports exactly the public API', () => {
  expect(Object.keys(core).sort()).toEqual([
    'GrowingText',
    'StreamError',
    'createBlockSplitter',
    'createChat',
    'createChildSplitter',
    'createDeltaBuffer',
    'createStreamController',
    'defaultSchedule',
    'fromUIMessage',
    'getMessageText',
    'growingTextOf',
    'isGrowingText',
    'isStreamError',
    'normalizeMath',
    'readStream',
    'repairMarkdown',
    'splitBlocks',
    'splitChildren',
  ]);
});

it('exports exactly the syntax rules and the quick parser from @rivulet/core/syntax', () => {
  expect(Object.keys(syntax).sort()).toEqual([
    'cellPipes',
    'closesFence',
    'closingFenceRun',
    'fenceOpening',
    'findRun',
    'footnoteCall',
    'footnoteDefinitionLabels',
    'indentation',
    'isBlank',
    'linkDefinitionLines',
    'listMarker',
    'mayHoldDefinition',
    'quickParse',
    'runEnd',
  ]);
});

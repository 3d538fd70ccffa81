import { describe, expect, it } from 'vitest';
import { announcementLimit, announcementText } from '../../src/chat/announcement';

describe('the announcement of a finished answer', () => {
  it('is the answer without Markdown punctuation', () => {
    expect(announcementText('## Result\n\nThe **answer** is `42`.\n\n> quoted _text_')).toBe(
      'Result The answer is 42. quoted _text_',
    );
    expect(announcementText('A streaming chat library.')).toBe('A streaming chat library.');
  });

  it('stops at a word boundary with an ellipsis when the answer is long', () => {
    const long = `${'word '.repeat(400)}end`;
    const text = announcementText(long);
    expect(text.length).toBeLessThanOrEqual(announcementLimit + 1);
    expect(text.endsWith('word…')).toBe(true);
  });

  it('reads only the start of a 5 MB answer', () => {
    const huge = `First sentence. ${'x'.repeat(5_000_000)}`;
    const text = announcementText(huge);
    expect(text.startsWith('First sentence. xxx')).toBe(true);
    expect(text.length).toBe(announcementLimit + 1);
  });
});

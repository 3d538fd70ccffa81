import { describe, expect, it } from 'vitest';
import { createTextPacer } from './text-pacer';

describe('createTextPacer: the shown text as a GrowingText', () => {
  it('grows by what each take moved, with and without smoothing', () => {
    for (const smoothing of [false, true]) {
      const pacer = createTextPacer({ smoothing });
      let previous = pacer.growing;
      pacer.push('Hello, ');
      pacer.push('world! A longer burst of text arrives.');
      while (pacer.hasWaiting) {
        const part = pacer.take();
        expect(pacer.growing.after(previous)).toBe(part);
        expect(String(pacer.growing)).toBe(pacer.shown);
        previous = pacer.growing;
      }
    }
  });

  it('starts a new chain when shown text is taken back, and keeps it when only waiting text is', () => {
    const pacer = createTextPacer();
    pacer.push('abcdef');
    pacer.takeAll();
    pacer.push('ghi');
    const before = pacer.growing;
    pacer.truncate(7);
    expect(pacer.growing).toBe(before);
    pacer.truncate(3);
    expect(String(pacer.growing)).toBe('abc');
    expect(pacer.growing.after(before)).toBeUndefined();
    pacer.push('XYZ');
    pacer.takeAll();
    expect(String(pacer.growing)).toBe('abcXYZ');
  });
});

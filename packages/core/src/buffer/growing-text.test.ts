import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrowingText, isGrowingText } from './growing-text';

describe('GrowingText', () => {
  it('holds the pieces appended to it, in order', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (initial, pieces) => {
        let text = GrowingText.from(initial);
        for (const piece of pieces) text = text.append(piece);
        const expected = initial + pieces.join('');
        expect(text.toString()).toBe(expected);
        expect(String(text)).toBe(expected);
        expect(text.length).toBe(expected.length);
      }),
    );
  });

  it('gives what was appended since any earlier value of the same chain', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1 }), fc.nat(), (pieces, at) => {
        const values = [GrowingText.from('')];
        for (const piece of pieces) values.push((values.at(-1) as GrowingText).append(piece));
        const earlier = values[at % values.length] as GrowingText;
        const last = values.at(-1) as GrowingText;
        expect(last.after(earlier)).toBe(last.toString().slice(earlier.length));
      }),
    );
  });

  it('does not extend another chain or a later value', () => {
    const first = GrowingText.from('Hello');
    const grown = first.append(', world');
    expect(grown.after(GrowingText.from('Hello'))).toBeUndefined();
    expect(GrowingText.from('').append('Hello, world').after(GrowingText.from(''))).toBeUndefined();
    expect(first.after(grown)).toBeUndefined();
    expect(grown.after(grown)).toBe('');
    expect(grown.after(first)).toBe(', world');
  });

  it('is the same value when nothing is appended, and never changes', () => {
    const text = GrowingText.from('a');
    expect(text.append('')).toBe(text);
    const longer = text.append('b');
    expect(text.toString()).toBe('a');
    expect(longer.toString()).toBe('ab');
  });

  it('tells itself from a string', () => {
    expect(isGrowingText(GrowingText.from('x'))).toBe(true);
    expect(isGrowingText('x')).toBe(false);
    expect(isGrowingText(null)).toBe(false);
    expect(isGrowingText({})).toBe(false);
  });
});

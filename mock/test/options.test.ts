import { describe, expect, it } from 'vitest';
import { parseMockOptions, resolveScenario } from '../src/index';

describe('parseMockOptions', () => {
  it('reads controls from the query, with short aliases', () => {
    const { options, errors } = parseMockOptions(
      new URLSearchParams('scenario=slow&format=anthropic&errorAfter=40&tps=25&run=abc'),
    );
    expect(errors).toEqual([]);
    expect(options).toEqual({ scenario: 'slow', format: 'anthropic', errorAfter: 40, tokensPerSecond: 25 });
  });

  it('reads x-mock-* headers and lets the query win', () => {
    const { options } = parseMockOptions(new URLSearchParams('format=text'), {
      'x-mock-format': 'ai-sdk',
      'x-mock-drop-after': '12',
      'content-type': 'application/json',
    });
    expect(options).toEqual({ format: 'text', dropAfter: 12 });
  });

  it('reports unknown scenarios, formats and bad numbers instead of ignoring them', () => {
    const { errors } = parseMockOptions(new URLSearchParams('scenario=nope&format=xml&stallAfter=-1&burst=abc'));
    expect(errors).toHaveLength(4);
    expect(errors[0]).toContain('unknown scenario "nope"');
  });
});

describe('resolveScenario', () => {
  it('applies the preset under explicit options', () => {
    expect(resolveScenario({ scenario: 'error', errorAfter: 5 })).toMatchObject({ errorAfter: 5 });
    expect(resolveScenario({ scenario: 'slow' })).toMatchObject({ tokensPerSecond: 12 });
    expect(resolveScenario({ scenario: 'slow', tokensPerSecond: 99 })).toMatchObject({ tokensPerSecond: 99 });
  });
});

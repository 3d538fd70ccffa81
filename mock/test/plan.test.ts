import { describe, expect, it } from 'vitest';
import { type MockPlan, planMock } from '../src/index';
import { json, parseSse } from './sse';

const body = (plan: MockPlan) => plan.steps.map((step) => (step.kind === 'write' ? step.chunk : '')).join('');
const totalDelay = (plan: MockPlan) => plan.steps.reduce((sum, step) => sum + step.delayMs, 0);
const textDeltas = (plan: MockPlan) =>
  parseSse(body(plan))
    .filter((message) => message.data !== '[DONE]')
    .map(json)
    .flatMap((chunk) => (chunk.choices as { delta: { content?: string } }[] | undefined) ?? [])
    .filter((choice) => choice.delta.content);

describe('planMock timing', () => {
  it('paces tokens at the requested rate on average', () => {
    const plan = planMock({ answer: 'overview', tokensPerSecond: 100, jitter: 0.5 });
    const expected = (plan.deltas.length / 100) * 1000;
    expect(totalDelay(plan)).toBeGreaterThan(expected * 0.9);
    expect(totalDelay(plan)).toBeLessThan(expected * 1.1);
  });

  it('sends everything at once at 0 tokens/s', () => {
    expect(totalDelay(planMock({ tokensPerSecond: 0 }))).toBe(0);
  });

  it('waits thinkingMs before the first token, after sending the headers and preamble', () => {
    const plan = planMock({ thinkingMs: 1500, tokensPerSecond: 0 });
    expect(plan.steps[0]).toMatchObject({ kind: 'write', delayMs: 0 });
    expect(plan.steps[1]?.delayMs).toBe(1500);
  });

  it('groups tokens into bursts of up to `burst` with proportionally longer gaps', () => {
    const plain = planMock({ answer: 'long', tokensPerSecond: 100 });
    const bursty = planMock({ answer: 'long', tokensPerSecond: 100, burst: 20 });
    expect(bursty.steps.length).toBeLessThan(plain.steps.length / 8);
    const perWrite = bursty.steps
      .slice(1, -1)
      .map((step) => (step.kind === 'write' ? step.chunk.split('data:').length - 1 : 0));
    expect(Math.max(...perWrite)).toBeLessThanOrEqual(20);
    expect(Math.min(...perWrite)).toBeGreaterThanOrEqual(10);
    expect(Math.abs(totalDelay(bursty) - totalDelay(plain))).toBeLessThan(totalDelay(plain) * 0.15);
  });
});

describe('planMock faults', () => {
  it('errorAfter sends exactly N tokens, then the in-band error, and no terminal event', () => {
    const plan = planMock({ errorAfter: 40, errorMessage: 'Boom', tokensPerSecond: 0 });
    expect(plan.outcome).toBe('error');
    expect(textDeltas(plan)).toHaveLength(40);
    const messages = parseSse(body(plan));
    expect(json(messages.at(-1)!)).toEqual({
      error: { message: 'Boom', type: 'server_error', param: null, code: null },
    });
    expect(body(plan)).not.toContain('[DONE]');
  });

  it('errorAfter in the text format drops the connection instead', () => {
    const plan = planMock({ format: 'text', errorAfter: 10, tokensPerSecond: 0 });
    expect(plan.outcome).toBe('drop');
    expect(plan.steps.at(-1)?.kind).toBe('drop');
  });

  it('dropAfter sends N tokens then drops without a terminal event', () => {
    const plan = planMock({ format: 'anthropic', dropAfter: 25, tokensPerSecond: 0 });
    expect(plan.steps.at(-1)?.kind).toBe('drop');
    const deltas = parseSse(body(plan)).filter((message) => message.event === 'content_block_delta');
    expect(deltas).toHaveLength(25);
    expect(body(plan)).not.toContain('message_stop');
  });

  it('stallAfter without stallMs stalls forever after N tokens', () => {
    const plan = planMock({ stallAfter: 30, tokensPerSecond: 0 });
    expect(plan.outcome).toBe('stall');
    expect(plan.steps.at(-1)?.kind).toBe('stall');
    expect(textDeltas(plan)).toHaveLength(30);
  });

  it('stallAfter with stallMs pauses once, then completes', () => {
    const plan = planMock({ stallAfter: 30, stallMs: 2000, tokensPerSecond: 0 });
    expect(plan.outcome).toBe('complete');
    expect(plan.steps.filter((step) => step.delayMs === 2000)).toHaveLength(1);
    expect(body(plan)).toContain('[DONE]');
  });

  it('status answers with the provider-shaped JSON error body', () => {
    const openai = planMock({ status: 429 });
    expect(openai.status).toBe(429);
    expect(openai.headers['Retry-After']).toBe('20');
    expect(JSON.parse(openai.body)).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
    const anthropic = planMock({ status: 529, format: 'anthropic' });
    expect(JSON.parse(anthropic.body)).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
  });

  it('picks the answer from the last user message when none is given', () => {
    expect(planMock({}, [{ role: 'user', content: 'Show me a table' }]).answer.id).toBe('tables');
    expect(planMock({}, [{ role: 'user', content: 'hi' }]).answer.id).toBe('overview');
    expect(planMock({}, [{ role: 'user', content: 'Draw a diagram' }]).answer.id).toBe('mermaid');
    expect(planMock({}, [{ role: 'user', content: 'A Mermaid flowchart, please' }]).answer.id).toBe('mermaid');
    expect(planMock({}, [{ role: 'user', content: 'Show me some math' }]).answer.id).toBe('math');
    expect(planMock({}, [{ role: 'user', content: 'Explain that equation' }]).answer.id).toBe('math');
    expect(planMock({ scenario: 'long' }, [{ role: 'user', content: 'a table' }]).answer.id).toBe('long');
  });

  it('takes messages with attached files, and messages of parts only (AI SDK UI messages)', () => {
    const image = { type: 'file', mediaType: 'image/png', url: 'data:image/png;base64,iVBORw0KGgo=' };
    // Rivulet's shape: content beside the parts; a message of files only has empty content.
    const withFile = [
      { role: 'user', content: 'Show me a table', parts: [{ type: 'text', text: 'Show me a table' }, image] },
    ];
    expect(planMock({ tokensPerSecond: 0 }, withFile)).toMatchObject({ outcome: 'complete', answer: { id: 'tables' } });
    expect(planMock({}, [{ role: 'user', content: '', parts: [image] }]).answer.id).toBe('overview');
    // The AI SDK's shape: no content, the text in its parts.
    const partsOnly = [{ role: 'user', parts: [{ type: 'text', text: 'Show me a table' }, image] }];
    expect(planMock({ tokensPerSecond: 0 }, partsOnly)).toMatchObject({
      outcome: 'complete',
      answer: { id: 'tables' },
    });
  });
});

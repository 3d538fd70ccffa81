/**
 * An answer that ends early — stopped, failed by the provider, cut off without its terminal event,
 * or silent past `idleTimeoutMs` — keeps its partial Markdown readable: the tail stays repaired as
 * it was while streaming (bold closed, a half-typed link shown as its text), never raw `**` or a
 * link to half a URL, and without the typing cursor.
 */
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderChat, setUpFaultGuards } from '../faults/harness';
import { createWire, openai, type Wire } from '../faults/wire';

const guards = setUpFaultGuards();

/** The answer so far ends inside a bold run and a link destination. */
const PARTIAL = ['Streams ', 'arrive in ', 'pieces. See ', '**the [docs', '](https://exa'];

type Ending = (wire: Wire, chat: ReturnType<typeof renderChat>) => Promise<void> | void;

const endings: Array<[string, Ending, string, Partial<Parameters<typeof renderChat>[1]>]> = [
  ['stopped', (_wire, chat) => chat.clickStop(), 'aborted', {}],
  ['failed with a provider error', (wire) => wire.send(openai.error('Overloaded')), 'error', {}],
  ['interrupted (the body ended without [DONE])', (wire) => wire.close(), 'error', {}],
  ['timed out (silent past idleTimeoutMs)', () => undefined, 'error', { idleTimeoutMs: 200 }],
];

describe('ChatWindow: an answer that ended early keeps its tail repaired', () => {
  it.each(endings)('%s', async (_name, end, status, props) => {
    const wire = guards.track(createWire('answer'));
    const chat = renderChat([{ body: wire }], props);
    await chat.ask('How do streams work?');
    wire.send(openai.first() + PARTIAL.map(openai.delta).join(''));
    await waitFor(() => expect(chat.answerText()).toContain('the docs'));
    const whileStreaming = chat.answer().querySelector('.rivulet-markdown')?.innerHTML;

    await end(wire, chat);
    await waitFor(() => expect(chat.answer().dataset.status).toBe(status), { timeout: 2_000 });

    const markdown = chat.answer().querySelector<HTMLElement>('.rivulet-markdown');
    expect(markdown?.dataset.incomplete).toBe('true');
    expect(chat.answerText()).toBe('Streams arrive in pieces. See the docs');
    expect(markdown?.querySelector('strong')?.textContent).toBe('the docs');
    expect(markdown?.querySelector('a')).toBeNull();
    expect(markdown?.querySelector('[data-rivulet-cursor]')).toBeNull();
    // The same elements as while streaming, less the cursor.
    expect(markdown?.innerHTML).toBe(whileStreaming?.replace(/<span[^>]*data-rivulet-cursor[^>]*>.*?<\/span>/, ''));
    await guards.finish(chat.unmount);
  });

  it('a completed answer renders exactly as written', async () => {
    const wire = guards.track(createWire('answer'));
    const chat = renderChat([{ body: wire }]);
    await chat.ask('How do streams work?');
    wire.send(openai.answer(['A literal ', '**not closed', ' and [x](y']));
    wire.close();
    await waitFor(() => expect(chat.answer().dataset.status).toBe('done'));
    expect(chat.answerText()).toBe('A literal **not closed and [x](y');
    expect(chat.answer().querySelector<HTMLElement>('.rivulet-markdown')?.dataset.incomplete).toBeUndefined();
    await guards.finish(chat.unmount);
  });
});

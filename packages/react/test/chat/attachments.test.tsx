/**
 * Composer attachments: files come in through the button, a drop or a paste; each is checked
 * (`accept`, `maxFileSize`, `maxFiles`) and a refused one says why; images show a preview; the
 * message goes out with file parts (inline `data:` URLs, or what `upload` returns).
 */
import { ChatWindow, type ChatWindowProps } from '@rivulet/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../hooks/streams';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function setUp(props: Partial<ChatWindowProps> = {}) {
  const mock = mockFetch();
  vi.stubGlobal('fetch', mock.fetch);
  const user = userEvent.setup();
  const view = render(<ChatWindow api="/api/chat" maxFps={0} attachments {...props} />);
  const fileInput = () => view.container.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
  const attached = () =>
    [...view.container.querySelectorAll<HTMLElement>('.rivulet-composer__attachment')].map((item) => ({
      name: item.querySelector('.rivulet-composer__file-name')?.textContent,
      state: item.dataset.state,
      preview: item.querySelector('img')?.getAttribute('src') ?? undefined,
    }));
  return { ...mock, ...view, user, fileInput, attached };
}

interface SentMessage {
  content: string;
  parts?: { type: string; filename?: string }[];
}

/** The messages of a request's JSON body. */
const sent = (call: { json(): unknown } | undefined) =>
  ((call?.json() as { messages: SentMessage[] } | undefined)?.messages ?? []) as SentMessage[];

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'cat.png', { type: 'image/png' });
const text = (name = 'notes.txt', size = 5) => new File(['x'.repeat(size)], name, { type: 'text/plain' });

describe('ChatWindow: attachments', () => {
  it('has no attach button unless attachments are on', () => {
    vi.stubGlobal('fetch', mockFetch().fetch);
    render(<ChatWindow api="/api/chat" />);
    expect(screen.queryByRole('button', { name: 'Attach files' })).toBeNull();
  });

  it('the button picks files; an image shows a preview; the message is sent with data: URL file parts', async () => {
    const chat = setUp();
    expect(screen.getByRole('button', { name: 'Attach files' })).toBeTruthy();
    await chat.user.upload(chat.fileInput(), [png(), text()]);
    await waitFor(() => expect(chat.attached().every((file) => file.state === 'ready')).toBe(true));
    expect(chat.attached()).toEqual([
      { name: 'cat.png', state: 'ready', preview: 'data:image/png;base64,iVBORw==' },
      { name: 'notes.txt', state: 'ready', preview: undefined },
    ]);

    await chat.user.type(screen.getByRole('textbox', { name: 'Message' }), 'What is this?{Enter}');
    await waitFor(() => expect(chat.calls).toHaveLength(1));
    const [question] = sent(chat.calls[0]) as [SentMessage];
    expect(question.content).toBe('What is this?');
    expect(question.parts).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'file', mediaType: 'image/png', url: 'data:image/png;base64,iVBORw==', filename: 'cat.png' },
      { type: 'file', mediaType: 'text/plain', url: 'data:text/plain;base64,eHh4eHg=', filename: 'notes.txt' },
    ]);
    // The composer is empty again, and the question shows its files.
    expect(chat.attached()).toEqual([]);
    const questionRow = chat.container.querySelector('[data-role="user"]') as HTMLElement;
    expect(within(questionRow).getByRole('img', { name: 'cat.png' }).getAttribute('src')).toBe(
      'data:image/png;base64,iVBORw==',
    );
  });

  it('a message of files alone may be sent; a removed file is not', async () => {
    const chat = setUp();
    await chat.user.upload(chat.fileInput(), [png(), text()]);
    await waitFor(() => expect(chat.attached()).toHaveLength(2));
    await chat.user.click(screen.getByRole('button', { name: 'Remove cat.png' }));
    expect(chat.attached().map((file) => file.name)).toEqual(['notes.txt']);
    await waitFor(() => expect(chat.attached()[0]?.state).toBe('ready'));
    await chat.user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(chat.calls).toHaveLength(1));
    const [question] = sent(chat.calls[0]) as [SentMessage];
    expect(question.parts?.map((part) => part.filename ?? part.type)).toEqual(['notes.txt']);
  });

  it('refuses a file of a type not accepted, one too large, and one too many, saying why', async () => {
    const chat = setUp({ attachments: { accept: 'image/*,.md', maxFileSize: 10, maxFiles: 2 } });
    expect(chat.fileInput().getAttribute('accept')).toBe('image/*,.md');
    // The input's accept only filters the picker; the composer checks again.
    fireEvent.change(chat.fileInput(), { target: { files: [text('data.csv')] } });
    expect(screen.getByRole('alert').textContent).toBe('data.csv is not a supported file type.');
    fireEvent.change(chat.fileInput(), { target: { files: [text('big.md', 11)] } });
    expect(screen.getByRole('alert').textContent).toBe('big.md is too large (the limit is 10 bytes).');
    expect(chat.attached()).toEqual([]);

    fireEvent.change(chat.fileInput(), { target: { files: [text('a.md'), png(), text('c.md')] } });
    expect(screen.getByRole('alert').textContent).toBe('At most 2 files can be attached to a message.');
    expect(chat.attached().map((file) => file.name)).toEqual(['a.md', 'cat.png']);
  });

  it('takes files from a paste and from a drop (and marks the composer while files are dragged over it)', async () => {
    const chat = setUp();
    const composer = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.paste(composer, { clipboardData: { files: [png()], types: ['Files'] } });
    await waitFor(() => expect(chat.attached().map((file) => file.name)).toEqual(['cat.png']));

    const form = chat.container.querySelector('form.rivulet-composer') as HTMLElement;
    fireEvent.dragOver(form, { dataTransfer: { types: ['Files'], files: [] } });
    expect(form.hasAttribute('data-dragging')).toBe(true);
    fireEvent.drop(form, { dataTransfer: { types: ['Files'], files: [text()] } });
    expect(form.hasAttribute('data-dragging')).toBe(false);
    await waitFor(() => expect(chat.attached().map((file) => file.name)).toEqual(['cat.png', 'notes.txt']));
  });

  it('a paste of text is left to the textarea', async () => {
    const chat = setUp();
    const composer = screen.getByRole('textbox', { name: 'Message' });
    const pasted = fireEvent.paste(composer, { clipboardData: { files: [], types: ['text/plain'] } });
    expect(pasted).toBe(true);
    expect(chat.attached()).toEqual([]);
  });

  it('upload stores each file; Send waits for it; a failed upload is dropped with a message', async () => {
    const uploads: { file: File; signal: AbortSignal; resolve: (url: string) => void; reject: () => void }[] = [];
    const upload = vi.fn(
      (file: File, { signal }: { signal: AbortSignal }) =>
        new Promise<string>((resolve, reject) =>
          uploads.push({ file, signal, resolve, reject: () => reject(new Error('503')) }),
        ),
    );
    const chat = setUp({ attachments: { upload } });
    await chat.user.upload(chat.fileInput(), [png(), text()]);
    await chat.user.type(screen.getByRole('textbox', { name: 'Message' }), 'Look');
    expect(chat.attached().map((file) => file.state)).toEqual(['pending', 'pending']);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);

    uploads[0]?.resolve('https://files.example.com/cat.png');
    uploads[1]?.reject();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('notes.txt could not be attached.'));
    expect(chat.attached()).toEqual([
      { name: 'cat.png', state: 'ready', preview: 'https://files.example.com/cat.png' },
    ]);
    await chat.user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(chat.calls).toHaveLength(1));
    expect(sent(chat.calls[0])[0]?.parts?.[1]).toEqual({
      type: 'file',
      mediaType: 'image/png',
      url: 'https://files.example.com/cat.png',
      filename: 'cat.png',
    });
  });

  it('removing a file while it uploads aborts its upload', async () => {
    const signals: AbortSignal[] = [];
    const upload = (_file: File, { signal }: { signal: AbortSignal }) => {
      signals.push(signal);
      return new Promise<string>(() => {});
    };
    const chat = setUp({ attachments: { upload } });
    await chat.user.upload(chat.fileInput(), [png()]);
    await chat.user.click(screen.getByRole('button', { name: 'Remove cat.png' }));
    expect(signals[0]?.aborted).toBe(true);
    expect(chat.attached()).toEqual([]);
  });
});

import './support/parts.css';
import {
  Chat,
  type ChatMessageInit,
  type ChatMessageInput,
  Markdown,
  type ReasoningPart,
  useChatMessage,
} from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { memo, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { longConversation } from './support/conversation';
import { fileFromDataUrl, landscapePng, pickFiles } from './support/sample-files';
import { scriptedAnswer } from './support/scripted-answer';
import { useMockChat } from './support/use-mock-chat';

type Theme = 'light' | 'dark';

const meta = {
  title: 'Chat/Parts',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** An action of the app's own, added to Rivulet's on finished answers. */
function ShareButton() {
  const message = useChatMessage();
  const [shared, setShared] = useState(false);
  if (message.role !== 'assistant' || message.status !== 'done') return null;
  return (
    <button type="button" className="rivulet-message__action" onClick={() => setShared(true)}>
      {shared ? 'Link copied' : 'Share'}
    </button>
  );
}

/** The app's message row: an avatar and a name beside Rivulet's content, editor and actions. */
const SupportRow = memo(function SupportRow({ id, isLast }: { id: string; isLast: boolean }) {
  return (
    <Chat.Message id={id} isLast={isLast} className="story-row">
      {(message) => (
        <>
          <span className="story-row__avatar" aria-hidden="true">
            {message.role === 'user' ? 'ME' : 'AI'}
          </span>
          <div className="story-row__body">
            <span className="story-row__name">{message.role === 'user' ? 'You' : 'Rivulet support'}</span>
            <Chat.MessageContent />
            <Chat.EditForm />
            <Chat.Actions>
              <ShareButton />
            </Chat.Actions>
          </div>
        </>
      )}
    </Chat.Message>
  );
});

/**
 * A layout of one's own from the parts: a header with a "New chat" button, a row with an avatar,
 * Rivulet's actions plus a Share action, and a composer that takes images and PDFs up to 2 MB.
 */
function SupportChat({ theme }: { theme: Theme }) {
  const chat = useMockChat({ mock: { tokensPerSecond: 80 }, prompt: 'How do I stream an LLM answer in React?' });
  return (
    <Chat.Root chat={chat} theme={theme} className="story-support" aria-label="Support chat">
      <header className="story-support__header">
        <div>
          <h2>Support</h2>
          <p>Answers stream in; attach a screenshot with + or by pasting it.</p>
        </div>
        <button type="button" onClick={() => chat.setMessages([])}>
          New chat
        </button>
      </header>
      <Chat.Messages>{(id, isLast) => <SupportRow id={id} isLast={isLast} />}</Chat.Messages>
      <Chat.JumpToLatest />
      <Chat.Composer attachments={{ accept: 'image/*,application/pdf', maxFileSize: 2 * 1024 * 1024 }} />
    </Chat.Root>
  );
}

export const CustomLayout: Story = {
  render: (_args, { globals }) => <SupportChat theme={globals.theme} />,
};

/** The parts `<ChatWindow>` is made of, around a conversation of the story's own. */
function PartsWindow({ theme, ...options }: Parameters<typeof useMockChat>[0] & { theme: Theme }) {
  const chat = useMockChat(options);
  return (
    <Chat.Root chat={chat} theme={theme}>
      <Chat.Messages />
      <Chat.JumpToLatest />
      <Chat.Composer attachments />
    </Chat.Root>
  );
}

/** Reasoning streams first, in the collapsible section the default content gives it. */
export const Reasoning: Story = {
  render: (_args, { globals }) => (
    <PartsWindow
      theme={globals.theme}
      mock={{ answer: 'reasoning', format: 'anthropic', tokensPerSecond: 40 }}
      prompt="How many weekdays between March 3 and 21?"
    />
  ),
};

/** A part of one's own, from `useChatMessage()`: the reasoning shown open above the answer, then the text. */
function ThoughtsThenAnswer() {
  const message = useChatMessage();
  const streaming = message.status === 'streaming';
  const last = message.parts.at(-1);
  const thoughts = message.parts.filter((part): part is ReasoningPart => part.type === 'reasoning');
  return (
    <>
      {thoughts.map((part, index) => (
        <Chat.Reasoning
          // biome-ignore lint/suspicious/noArrayIndexKey: parts only grow at the end
          key={index}
          part={part}
          open
          streaming={streaming && part === last}
          className="story-thoughts"
        />
      ))}
      {message.parts.map((part, index) =>
        part.type === 'text' && part.text !== '' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts only grow at the end
          <Markdown key={index} streaming={streaming && part === last} cursor={streaming && part === last}>
            {part.text}
          </Markdown>
        ) : null,
      )}
    </>
  );
}

function ReasoningOpenChat({ theme }: { theme: Theme }) {
  const chat = useMockChat({
    mock: { answer: 'reasoning', format: 'anthropic', tokensPerSecond: 40 },
    prompt: 'How many weekdays between March 3 and 21?',
  });
  return (
    <Chat.Root chat={chat} theme={theme}>
      <Chat.Messages>
        {(id, isLast) => (
          <Chat.Message id={id} isLast={isLast}>
            {(message) => (message.role === 'assistant' ? <ThoughtsThenAnswer /> : <Chat.MessageContent />)}
          </Chat.Message>
        )}
      </Chat.Messages>
      <Chat.Composer />
    </Chat.Root>
  );
}

/** The reasoning placed apart and open while it streams, with `<Chat.Reasoning>` and `useChatMessage()`. */
export const ReasoningOpen: Story = {
  render: (_args, { globals }) => <ReasoningOpenChat theme={globals.theme} />,
};

const citedAnswer = scriptedAnswer([
  {
    type: 'text',
    text: 'Server-Sent Events keep one HTTP response open and send events as lines of `data:`; the browser parses them as they arrive. Streaming `fetch` bodies give the same bytes to your own parser.',
  },
  {
    type: 'source',
    url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html',
    title: 'HTML: Server-sent events',
  },
  { type: 'source', url: 'https://developer.mozilla.org/en-US/docs/Web/API/Streams_API', title: 'MDN: Streams API' },
  { type: 'source', url: 'https://example.com/notes-without-a-title' },
]);

/** An answer that cites its sources: listed under it as links (a source without a title shows its URL). */
export const Sources: Story = {
  render: (_args, { globals }) => (
    <PartsWindow theme={globals.theme} send={citedAnswer} format="ai-sdk" prompt="How does SSE streaming work?" />
  ),
};

const withAttachments: ChatMessageInit[] = [
  {
    id: 'question',
    role: 'user',
    parts: [
      { type: 'text', text: 'What is in this picture? The report has the details.' },
      { type: 'file', mediaType: 'image/png', url: landscapePng, filename: 'hills.png' },
      {
        type: 'file',
        mediaType: 'application/pdf',
        url: 'https://example.com/quarterly-report.pdf',
        filename: 'quarterly-report.pdf',
      },
    ],
  },
  {
    id: 'answer',
    role: 'assistant',
    status: 'done',
    parts: [{ type: 'text', text: 'A yellow sun over green hills under a clear sky.' }],
  },
];

/** A question sent with files: the image as a preview (a `data:` URL), the PDF as a link. */
export const Files: Story = {
  render: (_args, { globals }) => <PartsWindow theme={globals.theme} initialMessages={withAttachments} />,
};

function AttachmentLimits({ theme }: { theme: Theme }) {
  const chat = useMockChat({ mock: { answer: 'short', tokensPerSecond: 120 } });
  return (
    <Chat.Root chat={chat} theme={theme}>
      <Chat.Messages />
      <Chat.Composer attachments={{ accept: 'image/*', maxFileSize: 100 * 1024, maxFiles: 3 }} />
    </Chat.Root>
  );
}

/**
 * The composer with `attachments={{ accept: 'image/*', maxFileSize: 100 KB, maxFiles: 3 }}`: a picked
 * image shows as a preview; a PDF is refused with a message that says why.
 */
export const ComposerAttachments: Story = {
  render: (_args, { globals }) => <AttachmentLimits theme={globals.theme} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvasElement.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('the composer has no file input');
    pickFiles(input, [
      fileFromDataUrl(landscapePng, 'hills.png'),
      new File(['%PDF-1.7'], 'report.pdf', { type: 'application/pdf' }),
    ]);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('report.pdf is not a supported file type.');
    const attachments = await canvas.findByRole('list', { name: 'Attachments' });
    await waitFor(() => expect(attachments.querySelector('img')).not.toBeNull());
  },
};

/** A picked image sent with a question: it becomes a file part of the user message (a `data:` URL by default). */
export const AttachmentSent: Story = {
  render: (_args, { globals }) => <AttachmentLimits theme={globals.theme} />,
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const input = canvasElement.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('the composer has no file input');
    pickFiles(input, [fileFromDataUrl(landscapePng, 'hills.png')]);
    const send = canvas.getByRole('button', { name: 'Send' });
    await waitFor(() => expect(send).toBeEnabled());
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Describe this picture, briefly.');
    await userEvent.click(send);
    const log = canvas.getByRole('log');
    await waitFor(() => expect(log.querySelector('[data-role="user"] img')).not.toBeNull());
  },
};

/** In the custom row, Edit swaps the content for `<Chat.EditForm>`; Escape puts it back. */
export const CustomRowEditing: Story = {
  render: (_args, { globals }) => <SupportChat theme={globals.theme} />,
  play: async ({ canvasElement, userEvent }) => {
    // The question is sent on mount: wait for its row.
    const question = await waitFor(() => {
      const row = canvasElement.querySelector<HTMLElement>('[data-role="user"]');
      if (!row) throw new Error('no question in the log yet');
      return row;
    });
    await userEvent.click(within(question).getByRole('button', { name: 'Edit' }));
    await expect(question).toHaveAttribute('data-state', 'editing');
    await expect(within(question).getByRole('textbox', { name: 'Edit message' })).toHaveFocus();
    await expect(question.querySelector('.rivulet-message__content')).toBeNull();
    await userEvent.keyboard('{Escape}');
    await expect(question).not.toHaveAttribute('data-state');
    await expect(question).toHaveTextContent('How do I stream an LLM answer in React?');
    // Left open, for the reader to see.
    await userEvent.click(within(question).getByRole('button', { name: 'Edit' }));
  },
};

/** Pages of older messages, each with its own ids, as a server would return them. */
function olderPage(page: number): ChatMessageInput[] {
  return longConversation(10).map((message, index) => ({ ...message, id: `older-${page}-${index}` }));
}

function HistoryChat({ theme }: { theme: Theme }) {
  const chat = useMockChat({ mock: { answer: 'short', tokensPerSecond: 120 }, initialMessages: longConversation(12) });
  const [pages, setPages] = useState(0);
  return (
    <Chat.Root chat={chat} theme={theme}>
      <Chat.Messages
        hasOlder={pages < 3}
        onLoadOlder={async () => {
          // A slow server: the reader keeps reading where they were while the page arrives.
          await new Promise((resolve) => setTimeout(resolve, 600));
          chat.setMessages((messages) => [...olderPage(pages), ...messages]);
          setPages((count) => count + 1);
        }}
      />
      <Chat.JumpToLatest />
      <Chat.Composer />
    </Chat.Root>
  );
}

/**
 * `onLoadOlder`: scroll up to the top and ten older messages arrive above (three pages, then
 * `hasOlder={false}`); the message you were reading stays where it was. Jump to latest comes back down.
 */
export const LoadOlderMessages: Story = {
  render: (_args, { globals }) => <HistoryChat theme={globals.theme} />,
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log');
    await waitFor(() => expect(log.scrollTop).toBeGreaterThan(0));
    const first = log.querySelector('[data-role]');
    if (!first) throw new Error('no message in the log');
    log.scrollTop = 0;
    const top = first.getBoundingClientRect().top;
    // The page arrives above: the message that was first (now the 11th; its row may be a new element
    // in another group) stays where it was on screen.
    const rows = () => log.querySelectorAll('[data-role]');
    await waitFor(() => expect(rows().length).toBe(22), { timeout: 3000 });
    await waitFor(() => expect(rows()[10]!.textContent).toBe(first.textContent));
    await waitFor(() => expect(Math.abs(rows()[10]!.getBoundingClientRect().top - top)).toBeLessThan(2));
  },
};

function LongChatDemo({ theme }: { theme: Theme }) {
  const chat = useMockChat({
    mock: { answer: 'overview', tokensPerSecond: 200 },
    initialMessages: longConversation(200),
  });
  return (
    <Chat.Root chat={chat} theme={theme}>
      <Chat.Messages />
      <Chat.JumpToLatest />
      <Chat.Composer />
    </Chat.Root>
  );
}

/**
 * 200 finished messages. `<Chat.Messages>` puts the rows in groups of about 20
 * (`div[data-message-group]`); every group but the last is `data-settled` and skipped by the
 * browser while off screen, so scrolling and a new streaming answer cost what they cost in a short
 * chat. Ask something and scroll while it streams.
 */
export const LongChat: Story = {
  render: (_args, { globals }) => <LongChatDemo theme={globals.theme} />,
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole('log');
    await waitFor(() => expect(log.querySelectorAll('[data-role]').length).toBe(200));
    const groups = [...log.querySelectorAll('[data-message-group]')];
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.slice(0, -1).every((group) => group.hasAttribute('data-settled'))).toBe(true);
    // Scrolled to the top, the first message is drawn where it belongs.
    log.scrollTop = 0;
    await waitFor(() => expect(log.querySelector('[data-role]')!.getBoundingClientRect().top).toBeGreaterThan(0));
  },
};

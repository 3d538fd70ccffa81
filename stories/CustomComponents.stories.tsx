import { Markdown, type MarkdownComponents, StopButton, useChat } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef } from 'react';
import { mockSend } from '../mock/src/index.js';

/** Markdown elements replaced by the app's own: links open in a new tab, tables get a caption bar. */
const components: MarkdownComponents = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noreferrer" style={{ color: '#0f766e', fontWeight: 600 }}>
      {children} ↗
    </a>
  ),
  table: ({ children }) => (
    <div style={{ border: '2px solid #0f766e', borderRadius: 10, overflow: 'auto', margin: '12px 0' }}>
      <div style={{ background: '#0f766e', color: 'white', padding: '4px 10px', fontSize: 12 }}>Table</div>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>{children}</table>
    </div>
  ),
  blockquote: ({ children }) => (
    <aside style={{ background: '#ecfdf5', borderLeft: '4px solid #0f766e', padding: '4px 14px', color: '#064e3b' }}>
      {children}
    </aside>
  ),
};

/** A layout of one's own: `useChat` for state, `<Markdown>` with custom components, `<StopButton>`. */
function CustomChat({ speed }: { speed: number }) {
  const chat = useChat({ send: mockSend({ answer: 'overview', tokensPerSecond: speed }) });
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    chat.send('How do I stream an LLM answer in React?');
  }, [chat]);
  const streaming = chat.status === 'connecting' || chat.status === 'streaming';
  return (
    <div style={{ maxWidth: 760, margin: '0 auto', fontFamily: 'Georgia, serif', lineHeight: 1.6 }}>
      {chat.messages.map((message) =>
        message.role === 'user' ? (
          <p key={message.id} style={{ textAlign: 'right', fontStyle: 'italic', color: '#475569' }}>
            — {message.content}
          </p>
        ) : (
          <article key={message.id} style={{ background: 'white', color: '#1e293b', padding: 20, borderRadius: 12 }}>
            <Markdown streaming={message.status === 'streaming'} cursor components={components}>
              {message.content}
            </Markdown>
          </article>
        ),
      )}
      <div style={{ marginTop: 12 }}>
        <StopButton streaming={streaming} onStop={chat.stop} />
      </div>
    </div>
  );
}

const meta = {
  title: 'Chat/Custom components',
  component: CustomChat,
  args: { speed: 80 },
  argTypes: { speed: { control: { type: 'range', min: 5, max: 1000, step: 5 } } },
  render: ({ speed }) => <CustomChat key={speed} speed={speed} />,
} satisfies Meta<typeof CustomChat>;

export default meta;

export const OwnLayoutAndElements: StoryObj<typeof meta> = {};

import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MockFormat, MockOptions } from '../mock/src/index.js';
import { longConversation } from './support/conversation';
import { MockChat, type MockChatProps } from './support/MockChat';

interface StoryArgs extends Omit<MockChatProps, 'mock'> {
  /** Mock tokens per second. */
  speed: number;
  /** Wire format the mock answers in (read with format 'auto'). */
  format: MockFormat;
  /** Which canned answer streams. */
  answer: string;
  /** Extra mock controls (fault injection) for this story. */
  faults?: MockOptions;
}

const meta = {
  title: 'Chat/ChatWindow',
  // Remount when a control changes, so the stream restarts with the new settings. The toolbar's
  // theme applies unless the story sets its own.
  render: ({ speed, format, answer, faults, theme, ...props }, { globals }) => (
    <MockChat
      key={`${speed}-${format}-${answer}`}
      mock={{ tokensPerSecond: speed, format, answer, ...faults }}
      theme={theme ?? globals.theme}
      {...props}
    />
  ),
  args: { speed: 60, format: 'openai', answer: 'overview', prompt: 'How do I stream an LLM answer in React?' },
  argTypes: {
    speed: { control: { type: 'range', min: 5, max: 1000, step: 5 } },
    format: { control: 'inline-radio', options: ['openai', 'anthropic', 'ai-sdk', 'text'] },
    answer: {
      control: 'select',
      options: ['overview', 'short', 'long', 'code', 'tables', 'reasoning', 'tool', 'tricky'],
    },
    faults: { control: false },
    theme: { control: 'inline-radio', options: ['system', 'light', 'dark'] },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing sent yet: the composer waits. */
export const Empty: Story = { args: { prompt: undefined } };

export const StreamingFast: Story = { args: { speed: 400 } };

export const StreamingSlow: Story = { args: { speed: 12 } };

/** Tokens arrive in bursts of up to 25, as proxies and mobile networks batch them. */
export const Bursty: Story = { args: { faults: { burst: 25 } } };

/** Three seconds of silence before the first token: the thinking state. */
export const Thinking: Story = { args: { faults: { thinkingMs: 3000 } } };

/** Reasoning streams first, in a collapsible section above the answer. */
export const Reasoning: Story = { args: { answer: 'reasoning', format: 'anthropic', prompt: 'Weekdays in March?' } };

/** A tool call whose JSON arguments stream in. */
export const ToolCall: Story = { args: { answer: 'tool', prompt: "What's the weather in Lisbon?" } };

/** The stream goes silent after 30 tokens and never resumes: Stop (or Esc) ends it. */
export const Stalled: Story = { args: { faults: { stallAfter: 30 } } };

/** A provider error after 40 tokens keeps the partial answer; Retry streams a full one. */
export const ErrorAndRetry: Story = {
  args: { format: 'anthropic', faults: { errorAfter: 40 } },
  render: ({ speed, format, answer, faults, theme, ...props }, { globals }) => (
    <MockChat
      mock={{ tokensPerSecond: speed, format, answer, ...faults }}
      retryMock={{ tokensPerSecond: speed, format, answer }}
      theme={theme ?? globals.theme}
      {...props}
    />
  ),
};

/**
 * The connection drops every 40 tokens; the mock numbers its events, so the chat reconnects after
 * a moment ("Reconnecting…"), asks for the rest with the last event id, and the answer ends whole.
 */
export const ResumesAfterDrops: Story = { args: { speed: 40, faults: { dropAfter: 40 }, resume: { delayMs: 800 } } };

/** The same drop from a server without event ids: it cannot resume, so the answer ends with an error and Retry. */
export const DropWithoutResume: Story = {
  args: { faults: { dropAfter: 40, eventIds: false }, resume: { delayMs: 800 } },
};

/** HTTP 429 with the provider's JSON error body. */
export const HttpError: Story = { args: { faults: { status: 429 } } };

/** Stopped by the user after 1.5 s: the text is kept and marked stopped. */
export const Aborted: Story = { args: { speed: 40, stopAfterMs: 1500 } };

/** 200 finished messages and one streaming: only the streaming one re-renders. */
export const LongConversation: Story = {
  args: { initialMessages: longConversation(200), prompt: 'One more, please', speed: 120 },
};

export const CodeHeavy: Story = {
  args: { answer: 'code', speed: 200, prompt: 'Retry with backoff, several languages' },
};

export const Tables: Story = { args: { answer: 'tables', speed: 150, prompt: 'Compare the models' } };

export const DarkTheme: Story = { args: { theme: 'dark', answer: 'code', speed: 200 } };

/** No Rivulet class names at all: bring your own styles. */
export const Unstyled: Story = { args: { unstyled: true, answer: 'short' } };

/** Every string can be replaced, e.g. to localise the window. */
export const CustomLabels: Story = {
  args: {
    answer: 'short',
    labels: {
      placeholder: 'Écrivez un message…',
      composer: 'Message',
      send: 'Envoyer',
      stop: 'Arrêter',
      retry: 'Réessayer',
      copy: 'Copier',
      thinking: 'Réflexion…',
      jumpToLatest: 'Aller à la fin',
    },
  },
};

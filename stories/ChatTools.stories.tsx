import './support/parts.css';
import { Chat, type ChatMessageInit, type ChatToolRenderer, type ToolCallPart } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { type MockChatOptions, useMockChat } from './support/use-mock-chat';

type Theme = 'light' | 'dark';

const meta = {
  title: 'Chat/Tools',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

function toolCall(
  toolCallId: string,
  toolName: string,
  input: Record<string, unknown>,
  rest: Pick<ToolCallPart, 'state'> & Partial<ToolCallPart>,
): ToolCallPart {
  return { type: 'tool-call', toolCallId, toolName, inputText: JSON.stringify(input), input, ...rest };
}

/** One answer holding a call in each state, for the renderers to show side by side. */
const everyState: ChatMessageInit[] = [
  { id: 'question', role: 'user', content: 'Plan a weekend in Lisbon: weather, flights and a hotel.' },
  {
    id: 'answer',
    role: 'assistant',
    status: 'done',
    parts: [
      { type: 'text', text: 'Let me check a few things.' },
      {
        type: 'tool-call',
        toolCallId: 'call_1',
        toolName: 'get_weather',
        inputText: '{"location":"Lisb',
        input: { location: 'Lisb' },
        state: 'input-streaming',
      },
      toolCall(
        'call_2',
        'search_flights',
        { from: 'BER', to: 'LIS', date: '2025-05-09' },
        { state: 'input-available' },
      ),
      toolCall(
        'call_3',
        'get_weather',
        { location: 'Lisbon', days: 2 },
        { state: 'output-available', output: { forecast: ['Sat: 23 °C, sunny', 'Sun: 21 °C, light wind'] } },
      ),
      toolCall(
        'call_4',
        'book_hotel',
        { city: 'Lisbon', nights: 2 },
        { state: 'output-error', errorText: 'No rooms left for these dates' },
      ),
    ],
  },
];

/** The default parts around a conversation of the story's own, with tool renderers by name. */
function ToolsChat({
  theme,
  tools,
  ...options
}: MockChatOptions & { theme: Theme; tools?: Record<string, ChatToolRenderer> }) {
  const chat = useMockChat(options);
  return (
    <Chat.Root chat={chat} theme={theme} tools={tools}>
      <Chat.Messages />
      <Chat.JumpToLatest />
      <Chat.Composer />
    </Chat.Root>
  );
}

/** The default rendering of each state: input streaming, running, done with its result, failed. */
export const ToolStates: Story = {
  render: (_args, { globals }) => <ToolsChat theme={globals.theme} initialMessages={everyState} />,
};

/** The app's own rendering of `get_weather`, by state; other tools keep the default. */
const WeatherCard: ChatToolRenderer = (part) => {
  const { location } = (part.input ?? {}) as { location?: string };
  const forecast = (part.output as { forecast?: string[] } | undefined)?.forecast ?? [];
  return (
    <div className="story-weather" data-state={part.state}>
      <strong>{location ? `Weather in ${location}` : 'Weather'}</strong>
      {part.state === 'input-streaming' ? <span>Reading the request…</span> : null}
      {part.state === 'input-available' ? <span>Looking outside…</span> : null}
      {part.state === 'output-available' ? (
        <ul>
          {forecast.map((day) => (
            <li key={day}>{day}</li>
          ))}
        </ul>
      ) : null}
      {part.state === 'output-error' ? <span>No forecast: {part.errorText}</span> : null}
    </div>
  );
};

const weatherTools = { get_weather: WeatherCard };

/** `tools={{ get_weather: WeatherCard }}`: that tool's calls in the app's card, the others in the default rendering. */
export const CustomToolRenderer: Story = {
  render: (_args, { globals }) => <ToolsChat theme={globals.theme} initialMessages={everyState} tools={weatherTools} />,
};

/** The mock's `get_weather` call streams its input slowly into the custom card (`part.input` is parsed as it grows). */
export const StreamingToolInput: Story = {
  render: (_args, { globals }) => (
    <ToolsChat
      theme={globals.theme}
      tools={weatherTools}
      mock={{ answer: 'tool', tokensPerSecond: 8 }}
      prompt="What's the weather in Lisbon?"
    />
  ),
};

function localTime(timezone: string | undefined): string {
  return new Date().toLocaleTimeString('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit' });
}

/**
 * A tool that needs the user: the mock calls `get_local_time`, the renderer asks first, and its
 * buttons give the call its result with `chat.addToolResult`; the answer then continues with it.
 */
const askBeforeReadingTheClock: ChatToolRenderer = (part, { chat }) => {
  const { timezone } = (part.input ?? {}) as { timezone?: string };
  if (part.state === 'input-streaming') return <Chat.ToolCall part={part} />;
  if (part.state === 'input-available') {
    return (
      <div className="story-confirm" data-state={part.state}>
        <p>The assistant wants to read your clock{timezone ? ` (${timezone})` : ''}.</p>
        <button
          type="button"
          data-primary=""
          onClick={() => chat.addToolResult({ toolCallId: part.toolCallId, output: localTime(timezone) })}
        >
          Allow
        </button>
        <button
          type="button"
          onClick={() => chat.addToolResult({ toolCallId: part.toolCallId, errorText: 'the user declined' })}
        >
          Deny
        </button>
      </div>
    );
  }
  return (
    <div className="story-confirm" data-state={part.state}>
      <p>{part.state === 'output-available' ? `Clock read: ${String(part.output)}` : `Not read: ${part.errorText}`}</p>
    </div>
  );
};

const confirmTools = { get_local_time: askBeforeReadingTheClock };

/** Allow or Deny: the call gets its result from the user, and the mock's answer continues with it. */
export const ToolNeedsTheUser: Story = {
  render: (_args, { globals }) => (
    <ToolsChat
      theme={globals.theme}
      tools={confirmTools}
      mock={{ tokensPerSecond: 60 }}
      prompt="What time is it on my clock?"
    />
  ),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Allow' }));
    await expect(await canvas.findByText(/Clock read:/)).toBeInTheDocument();
    await expect(
      await canvas.findByText(/that is the local time in Lisbon/, undefined, { timeout: 5000 }),
    ).toBeVisible();
  },
};

/**
 * A client-side tool run by `onToolCall` (it takes 1.5 s here): the default rendering goes from
 * Preparing to Running to Done, then the answer continues with the result, all without the user.
 */
export const ClientToolLoop: Story = {
  render: (_args, { globals }) => (
    <ToolsChat
      theme={globals.theme}
      mock={{ tokensPerSecond: 30 }}
      prompt="What time is it on my clock?"
      onToolCall={async ({ toolCall, signal }) => {
        if (toolCall.toolName !== 'get_local_time') return undefined;
        await new Promise((resolve) => setTimeout(resolve, 1500, undefined));
        if (signal.aborted) return undefined;
        return localTime((toolCall.input as { timezone?: string } | undefined)?.timezone);
      }}
    />
  ),
};
